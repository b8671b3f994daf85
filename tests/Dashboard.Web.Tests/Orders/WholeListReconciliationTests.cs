using Dashboard.Kiwoom;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// An unknown outcome is judged from the broker's whole lists, not their first page: "not listed" rules an order never
/// placed, and an order listed on a later page ruled so could be placed again by its member. A list too long to read
/// whole leaves the outcome unknown instead.
/// </summary>
public sealed class WholeListReconciliationTests : IAsyncLifetime
{
    private const string Gold = OrderValidator.GoldOneKilogram;
    private const string NoFills = """{"cntr":[],"return_code":0,"return_msg":"ok"}""";

    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00" });
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("lists@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        host.Prices.Prices[Gold] = new PriceReference(PreviousClose: 150_000, LastPrice: 150_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AStockOrderOnTheSecondPageOfTheOpenOrdersIsFoundNotRuledNeverPlaced()
    {
        var ticket = await UnknownAsync(new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 10, 70_000, "0"));
        host.Gateway.Queries.PageBodies["ka10075"] = [OpenStock("0000701", quantity: 3), OpenStock("0000777", quantity: 10)];
        host.Gateway.Queries.Bodies["ka10076"] = NoFills;

        Assert.True(await ReconcileAsync(ticket));

        var intent = (await host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Accepted, "0000777"), (intent.State, intent.OrderNumber));
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task AGoldOrderOnTheSecondPageOfTheDaysGoldOrdersIsFilledNotRuledNeverPlaced()
    {
        var ticket = await UnknownAsync(new OrderTicket(Guid.NewGuid(), connection, Gold, OrderSide.Buy, 2, 150_000, "00", Product: OrderProduct.Gold));
        host.Gateway.Queries.Bodies["kt50075"] = """{"acnt_ord_oso_prst":[],"return_code":0,"return_msg":"ok"}""";
        host.Gateway.Queries.PageBodies["kt50031"] = [GoldDetail("0000550", quantity: 5), GoldDetail("0000556", quantity: 2)];

        Assert.True(await ReconcileAsync(ticket));

        var intent = (await host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Filled, "0000556"), (intent.State, intent.OrderNumber));
    }

    [Fact]
    public async Task AListTooLongToReadWholeLeavesTheOutcomeUnknown()
    {
        var ticket = await UnknownAsync(new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 10, 70_000, "0"));
        host.Gateway.Queries.PageBodies["ka10075"] = [.. Enumerable.Range(0, OrderReconciler.MaxListPages + 1).Select(n => OpenStock($"00009{n:00}", quantity: 1))];
        host.Gateway.Queries.Bodies["ka10076"] = NoFills;

        Assert.False(await ReconcileAsync(ticket));

        Assert.Equal(OrderState.UnknownOutcome, (await host.IntentAsync(ticket.IntentId))!.State);
    }

    [Fact]
    public async Task APassReadsEachListOnceForAllTheUnknownOutcomesOfAConnection()
    {
        var tickets = new List<OrderTicket>();
        foreach (var (code, quantity) in new[] { ("005930", 10L), ("005930", 4L), ("000660", 7L) })
        {
            host.Prices.Prices.TryAdd(code, new PriceReference(PreviousClose: 70_000, LastPrice: 70_000));
            tickets.Add(await UnknownAsync(new OrderTicket(Guid.NewGuid(), connection, code, OrderSide.Buy, quantity, 70_000, "0")));
        }

        host.Gateway.Queries.PageBodies["ka10075"] = [OpenStock("0000701", quantity: 10), OpenStock("0000702", quantity: 4)];
        host.Gateway.Queries.Bodies["ka10076"] = NoFills;
        host.Gateway.Queries.Asked.Clear();

        var pending = new List<OrderIntent>();
        foreach (var ticket in tickets)
        {
            pending.Add((await host.IntentAsync(ticket.IntentId))!);
        }

        Assert.Equal(3, await host.Services.GetRequiredService<OrderReconciler>().ReconcileAsync(pending));

        // Two pages of open orders and one of fills, once for the three intents (not once per intent).
        Assert.Equal(["ka10075", "ka10075", "ka10076"], host.Gateway.Queries.Asked.Order(StringComparer.Ordinal));
        Assert.Equal("0000701", (await host.IntentAsync(tickets[0].IntentId))!.OrderNumber);
        Assert.Equal("0000702", (await host.IntentAsync(tickets[1].IntentId))!.OrderNumber);
        Assert.Equal(OrderState.Rejected, (await host.IntentAsync(tickets[2].IntentId))!.State);
    }

    private static string OpenStock(string number, long quantity) => $$"""
        {"oso":[{"acnt_no":"1234567890","ord_no":"{{number}}","stk_cd":"005930","ord_stt":"접수","stk_nm":"삼성전자","ord_qty":"{{quantity}}","ord_pric":"70000","oso_qty":"{{quantity}}","cntr_tot_amt":"0","orig_ord_no":"0000000","io_tp_nm":"+매수","trde_tp":"보통","tm":"091500"}],"return_code":0,"return_msg":"ok"}
        """;

    private static string GoldDetail(string number, long quantity) => $$"""
        {"acnt_ord_cntr_prps_dtl":[{"ord_no":"{{number}}","stk_cd":"{{Gold}}","io_tp_nm":"+매수","ord_qty":"{{quantity}}","ord_uv":"150000","cntr_qty":"{{quantity}}","cntr_uv":"150000","ord_remnq":"0","ori_ord":"0000000","acpt_tp":"체결","mdfy_cncl":""}],"return_code":0,"return_msg":"ok"}
        """;

    private async Task<bool> ReconcileAsync(OrderTicket ticket) =>
        await host.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await host.IntentAsync(ticket.IntentId))!);

    private async Task<OrderTicket> UnknownAsync(OrderTicket ticket)
    {
        host.Gateway.NextError = new KiwoomError(KiwoomErrorKind.Transport, -1, null, "HTTP 503", 503);
        Assert.Equal(OrderOutcome.UnknownOutcome, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        host.Gateway.NextError = null;
        return ticket;
    }
}
