using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The one table of order TRs: it holds exactly the registry's order TRs, and the TR builder sends, for every
/// action, product and side, the TR the table names (the explorer reads the same table, see ExplorerOrderTests).
/// </summary>
public sealed class OrderTrsTests
{
    [Fact]
    public void TheTableHoldsExactlyTheRegistrysOrderTrs()
    {
        var registry = KiwoomApis.All.Where(a => a.Kind == ApiKind.Order).Select(a => a.Id).Order().ToList();

        Assert.Equal(registry, OrderTrs.All.Select(t => t.ApiId).Order().ToList());
        Assert.Equal(OrderTrs.All.Count, OrderTrs.All.Select(t => (t.Action, t.Product, t.Side)).Distinct().Count());
    }

    [Fact]
    public void EachRowSaysWhatTheCatalogNameOfItsTrSays()
    {
        Assert.All(OrderTrs.All, tr =>
        {
            // "Stock buy order", "Credit modify order", "Gold spot cancel order" …
            var name = KiwoomApis.All.Single(a => a.Id == tr.ApiId).NameEn;
            var product = tr.Product switch { OrderProduct.Stock => "Stock ", OrderProduct.Credit => "Credit ", _ => "Gold spot " };
            var action = tr.Action switch
            {
                OrderAction.Place => tr.Side == OrderSide.Buy ? "buy" : "sell",
                OrderAction.Modify => "modify",
                _ => "cancel",
            };
            Assert.Equal(product + action + " order", name);
            Assert.Equal(tr.Action == OrderAction.Place, tr.Side is not null);
        });
    }

    public static TheoryData<string, OrderSide> EveryTrAndSide()
    {
        var data = new TheoryData<string, OrderSide>();
        foreach (var tr in OrderTrs.All)
        {
            foreach (var side in tr.Side is { } only ? [only] : new[] { OrderSide.Buy, OrderSide.Sell })
            {
                data.Add(tr.ApiId, side);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTrAndSide))]
    public async Task TheBuilderSendsTheTrTheTableNames(string apiId, OrderSide side)
    {
        var tr = OrderTrs.Find(apiId)!;
        var gateway = new FakeOrderGateway();
        var channel = new FakeOrderChannel(gateway, KiwoomEnvironment.Simulator);
        var order = Intent(tr.Product, side, "0000042");

        var sent = tr.Action switch
        {
            OrderAction.Place => await OrderRequests.PlaceAsync(channel, order, CancellationToken.None),
            OrderAction.Modify => await OrderRequests.ModifyAsync(channel, order, Intent(tr.Product, side, null), 1, CancellationToken.None),
            _ => await OrderRequests.CancelAsync(channel, order, 1, CancellationToken.None),
        };

        Assert.True(sent.IsSuccess);
        var request = Assert.Single(gateway.Sent);
        Assert.Equal((apiId, ApiKind.Order), (request.Api.Id, request.Api.Kind));
    }

    [Fact]
    public void ATrOutsideTheTableIsNoOrderTr() => Assert.Null(OrderTrs.Find("ka10001"));

    private static OrderIntent Intent(OrderProduct product, OrderSide side, string? number) => new()
    {
        MemberId = "m", StockCode = product == OrderProduct.Gold ? "M04020000" : "005930", Product = product, Side = side, Quantity = 1,
        Price = 70_000, TradeType = "0", Exchange = "KRX", OrderNumber = number, State = OrderState.Accepted, OpenQuantity = 1,
    };
}
