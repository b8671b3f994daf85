using System.Globalization;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// Orders held open (Accepted, PartiallyFilled) are read back from Kiwoom's lists (ka10075 open, ka10076 fills,
/// kt00007 details) when tracking starts and after a realtime reconnect: fills made while no push could arrive are
/// applied once, audited and published, and a late push for them is not counted again.
/// </summary>
public sealed class OpenOrderReadBackTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly OrdersHost host = new();
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("readback@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OrderTracker Tracker => host.Services.GetRequiredService<OrderTracker>();

    [Fact]
    public async Task AnOrderFilledWhileTheDashboardWasDownIsFilledAtStartOnceAndPublished()
    {
        var id = await LeftOpenAsync("0000101", 10);
        Script(open: [], fills: [Row("0000101", unfilled: 0, filled: 10, price: 69_950)]);
        using var page = host.Services.GetRequiredService<OrderEvents>().Subscribe(alice.Id);

        await StartAsync();

        var intent = await ReachesAsync(id, OrderState.Filled, "the start did not read the fill back");
        Assert.Equal((10L, 699_500L, 0L), (intent!.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Equal([OrderAuditKind.Fill], (await host.AuditRowsAsync(id)).Select(r => r.Kind));
        Assert.True(page.Updates.TryRead(out var update));
        Assert.Equal((OrderAuditKind.Fill, OrderState.Filled, 69_950L), (update.Kind, update.Order.State, update.Order.AverageFillPrice));

        // The fill's own push, held up somewhere, arrives after all: nothing more is counted.
        await Tracker.ApplyAsync(connection, alice.Id, Fill("0000101", 10, unfilled: 0, price: 69_950));
        Assert.Equal(10L, (await host.IntentAsync(id))!.FilledQuantity);
        Assert.Single(await host.AuditRowsAsync(id));
    }

    [Fact]
    public async Task APartFillReadBackIsNotCountedAgainByItsLatePushButTheNextFillIs()
    {
        var id = await LeftOpenAsync("0000102", 10);
        Script(open: [Row("0000102", unfilled: 7, filled: 3, price: 70_000, amount: 210_000)], fills: [Row("0000102", unfilled: 7, filled: 3, price: 70_000)]);

        await StartAsync();
        await ReachesAsync(id, OrderState.PartiallyFilled, "the start did not read the part fill back");

        await Tracker.ApplyAsync(connection, alice.Id, Fill("0000102", 3, unfilled: 7, price: 70_000));
        var afterLate = (await host.IntentAsync(id))!;
        Assert.Equal((3L, 210_000L, 7L), (afterLate.FilledQuantity, afterLate.FilledAmount, afterLate.OpenQuantity));

        await Tracker.ApplyAsync(connection, alice.Id, Fill("0000102", 2, unfilled: 5, price: 69_900));
        var afterNext = (await host.IntentAsync(id))!;
        Assert.Equal((OrderState.PartiallyFilled, 5L, 210_000L + 139_800L, 5L), (afterNext.State, afterNext.FilledQuantity, afterNext.FilledAmount, afterNext.OpenQuantity));
        Assert.Equal([OrderAuditKind.PartialFill, OrderAuditKind.PartialFill], (await host.AuditRowsAsync(id)).Select(r => r.Kind));
    }

    [Fact]
    public async Task ARealtimeReconnectReadsTheOpenOrdersBackAndAPlainConnectDoesNot()
    {
        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 5, 69_000, "0");
        Assert.Equal(OrderOutcome.Accepted, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        await Tracker.OpenOrdersReadBack(connection);
        var number = (await host.IntentAsync(ticket.IntentId))!.OrderNumber!;
        Script(open: [], fills: [Row(number, unfilled: 0, filled: 5, price: 69_000)]);
        var asked = host.Gateway.Queries.Asked.Count;

        host.Gateway.RaiseStatus(BrokerLinkState.Connected);
        await Tracker.OpenOrdersReadBack(connection);
        Assert.Equal(asked, host.Gateway.Queries.Asked.Count);
        Assert.Equal(OrderState.Accepted, (await host.IntentAsync(ticket.IntentId))!.State);

        host.Gateway.RaiseStatus(BrokerLinkState.Reconnecting);
        host.Gateway.RaiseStatus(BrokerLinkState.Connected);

        var intent = await ReachesAsync(ticket.IntentId, OrderState.Filled, "the reconnect did not read the fill back");
        Assert.Equal((5L, 345_000L), (intent!.FilledQuantity, intent.FilledAmount));
        Assert.Contains("ka10075", host.Gateway.Queries.Asked.Skip(asked));
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task OrdersGoneWithoutFillsTakeTheirEndFromTheAccountsOrderDetails()
    {
        var rejected = await LeftOpenAsync("0000103", 4);
        var cancelled = await LeftOpenAsync("0000104", 4);
        var modified = await LeftOpenAsync("0000105", 4);
        Script(open: [], fills: []);
        host.Gateway.Queries.Bodies["kt00007"] = Body("acnt_ord_cntr_prps_dtl", [
            """{"ord_no":"0000103","stk_cd":"005930","acpt_tp":"거부","ori_ord":"0000000","mdfy_cncl":""}""",
            """{"ord_no":"0000106","stk_cd":"005930","acpt_tp":"확인","ori_ord":"0000104","mdfy_cncl":"매수취소"}""",
            """{"ord_no":"0000107","stk_cd":"005930","acpt_tp":"확인","ori_ord":"0000105","mdfy_cncl":"매수정정"}""",
        ]);

        await StartAsync();

        await Eventually.TrueAsync(() => host.IntentAsync(modified).Result?.State == OrderState.Replaced, Wait, "the modified order was not read back");
        Assert.Equal(OrderState.Rejected, (await host.IntentAsync(rejected))!.State);
        Assert.Equal(OrderState.Cancelled, (await host.IntentAsync(cancelled))!.State);
        Assert.All([rejected, cancelled, modified], id => Assert.Equal(0L, host.IntentAsync(id).Result!.OpenQuantity));
    }

    [Fact]
    public async Task ListsThatCannotBeReadChangeNothingAndTheNextReadBackApplies()
    {
        var id = await LeftOpenAsync("0000108", 6);

        await StartAsync();
        await Eventually.TrueAsync(() => host.Gateway.Queries.Asked.Contains("ka10075"), Wait, "the lists were never asked");
        await Tracker.OpenOrdersReadBack(connection);
        Assert.Equal(OrderState.Accepted, (await host.IntentAsync(id))!.State);

        Script(open: [], fills: [Row("0000108", unfilled: 0, filled: 6, price: 70_100)]);
        host.Gateway.RaiseStatus(BrokerLinkState.Reconnecting);
        host.Gateway.RaiseStatus(BrokerLinkState.Connected);
        await Eventually.TrueAsync(() => host.IntentAsync(id).Result?.State == OrderState.Filled, Wait, "the second read-back did not apply");
    }

    private async Task<OrderIntent?> ReachesAsync(Guid id, OrderState state, string because)
    {
        await Eventually.TrueAsync(() => host.IntentAsync(id).Result?.State == state, Wait, because);
        return await host.IntentAsync(id);
    }

    /// <summary>An order an earlier run of the dashboard left accepted, with nothing of it tracked now.</summary>
    private async Task<Guid> LeftOpenAsync(string number, long quantity)
    {
        var now = DateTimeOffset.UtcNow;
        var intent = new OrderIntent
        {
            Id = Guid.NewGuid(), MemberId = alice.Id, ConnectionId = connection, StockCode = "005930", Side = OrderSide.Buy,
            Quantity = quantity, Price = 70_000, TradeType = "0", Exchange = "KRX", State = OrderState.Accepted, OrderNumber = number,
            OpenQuantity = quantity, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        db.OrderIntents.Add(intent);
        await db.SaveChangesAsync();
        return intent.Id;
    }

    /// <summary>The dashboard's start: the reconciliation service opens tracking for every connection with open orders.</summary>
    private Task StartAsync() =>
        host.Services.GetServices<IHostedService>().OfType<OrderReconciliationService>().Single().StartupAsync(CancellationToken.None);

    private void Script(string[] open, string[] fills)
    {
        host.Gateway.Queries.Bodies["ka10075"] = Body("oso", open);
        host.Gateway.Queries.Bodies["ka10076"] = Body("cntr", fills);
    }

    private static string Body(string list, string[] rows) => $$"""{"{{list}}":[{{string.Join(",", rows)}}],"return_code":0,"return_msg":"ok"}""";

    private static string Row(string number, long unfilled, long filled, long price, long? amount = null) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ord_no":"{{number}}","stk_cd":"005930","ord_qty":"{{unfilled + filled}}","ord_pric":"70000","oso_qty":"{{unfilled}}","cntr_qty":"{{filled}}","cntr_pric":"{{price}}"{{(amount is { } a ? $",\"cntr_tot_amt\":\"{a}\"" : "")}}}""");

    private static OrderExecution Fill(string number, long fill, long unfilled, long price) => new(
        "1234567890", number, "005930", "삼성전자", "체결", "+매수", "보통", "2", fill + unfilled, 70_000, unfilled, null, "0000000",
        new TimeOnly(9, 30), "1", price, fill, price, fill, null, null, null, "0", "1", DateTimeOffset.UtcNow);
}
