using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Market;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Components.Orders;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Explorer;
using Queries = Dashboard.Web.Tests.Broker.Fakes.FakeBrokerQueries;

namespace Dashboard.Web.Tests.Orders;

/// <summary>The ticket's orderable quantity: kt00010 (cash only) for buys, kt00018 for sells, one-tap fractions.</summary>
public sealed class OrderableQuantityTests
{
    private static readonly PriceReference Samsung = new(PreviousClose: 70_000, LastPrice: 71_000);

    [Fact]
    public async Task ABuyAsksKt00010AtTheLimitPriceAndAFractionPicksThatShareOfIt()
    {
        await using var context = new OrdersTestContext();
        var queries = new Queries();
        queries.Answer("kt00010", _ => new Kt00010Response { Profa100ordAlowq = Quantity.From(123) });
        long? picked = null;

        var hint = context.Render<OrderableQuantityHint>(p => p
            .Add(x => x.Queries, queries).Add(x => x.Side, OrderSide.Buy).Add(x => x.Product, OrderProduct.Stock).Add(x => x.Code, "005930")
            .Add(x => x.Type, TradeTypes.Stock[0]).Add(x => x.Price, 70_500L).Add(x => x.Reference, Samsung).Add(x => x.OnPick, q => picked = q));

        hint.WaitForAssertion(() => Assert.Equal("123", hint.Find("#ticket-orderable-max").GetAttribute("data-max")));
        Assert.Contains("123 shares", hint.Find("#ticket-orderable").TextContent);
        var request = Assert.IsType<Kt00010Request>(Assert.Single(queries.Sent));
        Assert.Equal(("005930", "2", "70500"), (request.StockCode, request.TradeType, request.Uv));

        hint.Find("[data-percent='50']").Click();
        Assert.Equal(61, picked);
        hint.Find("[data-percent='100']").Click();
        Assert.Equal(123, picked);
    }

    [Fact]
    public void AMarketBuyReservesCashAtTheDaysUpperLimit()
    {
        var market = TradeTypes.Find(OrderProduct.Stock, "3")!;

        Assert.Equal(KrxTickSize.UpperLimit(KrxTickTable.Stock, 70_000), OrderableQuantity.ReservedPrice(market, null, Samsung));
        Assert.Equal(91_000, OrderableQuantity.ReservedPrice(market, null, Samsung));
        Assert.Equal(70_500, OrderableQuantity.ReservedPrice(TradeTypes.Stock[0], 70_500, Samsung));
    }

    [Fact]
    public async Task ASellShowsTheHoldingsTradableQuantityAndZeroWhenNoneIsHeld()
    {
        await using var context = new OrdersTestContext();
        var queries = new Queries();
        queries.Answer<Kt00018Response>("kt00018", _ => KiwoomJson.Decode<Kt00018Response>("""
            {"acnt_evlt_remn_indv_tot":[
              {"stk_cd":"A000660","rmnd_qty":"000000000040","trde_able_qty":"000000000040"},
              {"stk_cd":"A005930","rmnd_qty":"000000000010","trde_able_qty":"000000000007"}],
             "return_code":0,"return_msg":"ok"}
            """u8, "kt00018").Value!);

        var held = RenderSell(context, queries, "005930");
        held.WaitForAssertion(() => Assert.Equal("7", held.Find("#ticket-orderable-max").GetAttribute("data-max")));
        Assert.Contains("7 shares can be sold", held.Find("#ticket-orderable").TextContent);

        var none = RenderSell(context, queries, "035420");
        none.WaitForAssertion(() => Assert.Equal("0", none.Find("#ticket-orderable-max").GetAttribute("data-max")));
        Assert.All(none.FindAll(".ticket-fraction"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task AnAccountThatCannotBeReadSaysSoAndRetries()
    {
        await using var context = new OrdersTestContext();
        var queries = new Queries();
        queries.Fail("kt00018", new KiwoomError(KiwoomErrorKind.Server, 500, null, "down"));

        var hint = RenderSell(context, queries, "005930");

        hint.WaitForAssertion(() => Assert.Equal("Failed", hint.Find("#ticket-orderable").GetAttribute("data-state")));
        Assert.Contains("could not be read", hint.Find("#ticket-orderable").TextContent);
        hint.Find(".ticket-orderable-retry").Click();
        hint.WaitForAssertion(() => Assert.Equal(2, queries.Sent.Count));
    }

    [Theory]
    [InlineData(OrderProduct.Credit)]
    [InlineData(OrderProduct.Gold)]
    public async Task CreditAndGoldShowNoCashQuantityTheyCouldNotBackUp(OrderProduct product)
    {
        await using var context = new OrdersTestContext();
        var queries = new Queries();

        var hint = context.Render<OrderableQuantityHint>(p => p
            .Add(x => x.Queries, queries).Add(x => x.Side, OrderSide.Buy).Add(x => x.Product, product).Add(x => x.Code, "005930")
            .Add(x => x.Type, TradeTypes.Stock[0]).Add(x => x.Price, 70_500L).Add(x => x.Reference, Samsung));

        Assert.Empty(hint.FindAll("#ticket-orderable"));
        Assert.Empty(queries.Sent);
    }

    [Fact]
    public async Task OnTheSimulatorTheCashBuysWhatKt00001SaysAndAStockNotHeldSellsNone()
    {
        var host = new ExplorerHost();
        await host.InitializeAsync();
        try
        {
            await AssertCashAndHoldingsAsync(host.Session.Queries);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASellReadsTheLivePortfolioOfTheSessionAndFollowsItsPushesWithoutKt00018()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var session = new Portfolio.FakeBrokerSession();
        session.FakeQueries.Answer("kt00018", Portfolio.PortfolioWire.Kt00018(new Portfolio.PortfolioWire.Holding("005930", "삼성전자", 10, 70_000, 71_000, 70_500)));
        session.FakeQueries.Answer("kt00001", Portfolio.PortfolioWire.Kt00001(1_000_000, 1_000_000));
        session.FakeQueries.Answer("ka10074", Portfolio.PortfolioWire.Ka10074(0));
        await using var portfolio = new Dashboard.Web.Portfolio.PortfolioTracker(session, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<Dashboard.Web.Portfolio.PortfolioTracker>.Instance);
        await portfolio.StartAsync();
        Assert.Equal(1, session.FakeQueries.Calls("kt00018"));

        Assert.Equal(10, await OrderableQuantity.SellableAsync(session, session.Queries, "005930", CancellationToken.None));
        Assert.Equal(0, await OrderableQuantity.SellableAsync(session, session.Queries, "035420", CancellationToken.None));

        // A sell of 4 fills: the 04 push moves the tradable quantity, and the ticket reads the new one.
        session.FakeFeeds.Push(Portfolio.PortfolioWire.Balance("005930", "삼성전자", 6, 70_000, 71_000, time));
        await Broker.Eventually.TrueAsync(() => OrderableQuantity.SellableAsync(session, session.Queries, "005930", CancellationToken.None).Result == 6, TimeSpan.FromSeconds(10));
        Assert.Equal(1, session.FakeQueries.Calls("kt00018"));
    }

    [Fact]
    public async Task WithNoLivePortfolioOnTheSessionASellAsksKt00018()
    {
        var session = new Portfolio.FakeBrokerSession();
        session.FakeQueries.Answer("kt00018", Portfolio.PortfolioWire.Kt00018(new Portfolio.PortfolioWire.Holding("005930", "삼성전자", 7, 70_000, 71_000, 70_500)));

        Assert.Equal(7, await OrderableQuantity.SellableAsync(session, session.Queries, "005930", CancellationToken.None));
        Assert.Equal(1, session.FakeQueries.Calls("kt00018"));

        // A portfolio that was open and closed again no longer answers either.
        session.FakeQueries.Answer("kt00001", Portfolio.PortfolioWire.Kt00001(1_000_000, 1_000_000));
        session.FakeQueries.Answer("ka10074", Portfolio.PortfolioWire.Ka10074(0));
        var portfolio = new Dashboard.Web.Portfolio.PortfolioTracker(session, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Dashboard.Web.Portfolio.PortfolioTracker>.Instance);
        await portfolio.StartAsync();
        await portfolio.DisposeAsync();
        var asked = session.FakeQueries.Calls("kt00018");
        Assert.Equal(7, await OrderableQuantity.SellableAsync(session, session.Queries, "005930", CancellationToken.None));
        Assert.Equal(asked + 1, session.FakeQueries.Calls("kt00018"));
    }

    private static async Task AssertCashAndHoldingsAsync(Dashboard.Web.Broker.IBrokerQueries queries)
    {
        const long price = 70_000;
        var buyable = await OrderableQuantity.BuyableAsync(queries, "005930", price, CancellationToken.None);
        var cash = (await queries.QueryAsync(new Kt00001Request { QueryType = "3" })).Value!.OrderableAmount.Value!.Value;

        Assert.True(buyable > 0, $"buyable {buyable}");
        Assert.True(buyable * price <= cash, $"{buyable} × {price} > {cash}");
        Assert.True((buyable + 1) * price * 1.001m > cash, $"{buyable} shares leave more than one share's cash of {cash}");
        Assert.Equal(0, await OrderableQuantity.SellableAsync(queries, "035420", CancellationToken.None));
    }

    private static IRenderedComponent<OrderableQuantityHint> RenderSell(OrdersTestContext context, Queries queries, string code) =>
        context.Render<OrderableQuantityHint>(p => p
            .Add(x => x.Queries, queries).Add(x => x.Side, OrderSide.Sell).Add(x => x.Product, OrderProduct.Stock).Add(x => x.Code, code)
            .Add(x => x.Type, TradeTypes.Stock[0]));
}
