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
    private TrackedMember alice = default!;

    public async Task InitializeAsync() => alice = await TrackedMember.StartAsync("readback@team.test");

    public async Task DisposeAsync() => await alice.DisposeAsync();

    private OrdersHost Host => alice.Host;


    [Fact]
    public async Task AnOrderFilledWhileTheDashboardWasDownIsFilledAtStartOnceAndPublished()
    {
        var id = await LeftOpenAsync("0000101", 10);
        Script(open: [], fills: [Row("0000101", unfilled: 0, filled: 10, price: 69_950)]);
        using var page = Host.Services.GetRequiredService<OrderEvents>().Subscribe(alice.Id);

        await StartAsync();

        var intent = await ReachesAsync(id, OrderState.Filled, "the start did not read the fill back");
        Assert.Equal((10L, 699_500L, 0L), (intent!.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Equal([OrderAuditKind.Fill], (await Host.AuditRowsAsync(id)).Select(r => r.Kind));
        // The update is published just after the commit ReachesAsync saw, so it may still be on its way.
        using var published = new CancellationTokenSource(Wait);
        var update = await page.Updates.ReadAsync(published.Token);
        Assert.Equal((OrderAuditKind.Fill, OrderState.Filled, 69_950L), (update.Kind, update.Order.State, update.Order.AverageFillPrice));

        // The fill's own push, held up somewhere, arrives after all: nothing more is counted.
        await alice.PushAsync(OrderPushes.Fill("0000101", 10, unfilled: 0, price: 69_950));
        Assert.Equal(10L, (await Host.IntentAsync(id))!.FilledQuantity);
        Assert.Single(await Host.AuditRowsAsync(id));
    }

    [Fact]
    public async Task APartFillReadBackIsNotCountedAgainByItsLatePushButTheNextFillIs()
    {
        var id = await LeftOpenAsync("0000102", 10);
        Script(open: [Row("0000102", unfilled: 7, filled: 3, price: 70_000, amount: 210_000)], fills: [Row("0000102", unfilled: 7, filled: 3, price: 70_000)]);

        await StartAsync();
        await ReachesAsync(id, OrderState.PartiallyFilled, "the start did not read the part fill back");

        await alice.PushAsync(OrderPushes.Fill("0000102", 3, unfilled: 7, price: 70_000));
        var afterLate = (await Host.IntentAsync(id))!;
        Assert.Equal((3L, 210_000L, 7L), (afterLate.FilledQuantity, afterLate.FilledAmount, afterLate.OpenQuantity));

        await alice.PushAsync(OrderPushes.Fill("0000102", 2, unfilled: 5, price: 69_900));
        var afterNext = (await Host.IntentAsync(id))!;
        Assert.Equal((OrderState.PartiallyFilled, 5L, 210_000L + 139_800L, 5L), (afterNext.State, afterNext.FilledQuantity, afterNext.FilledAmount, afterNext.OpenQuantity));
        Assert.Equal([OrderAuditKind.PartialFill, OrderAuditKind.PartialFill], (await Host.AuditRowsAsync(id)).Select(r => r.Kind));
    }

    [Fact]
    public async Task ARealtimeReconnectReadsTheOpenOrdersBackAndAPlainConnectDoesNot()
    {
        var ticket = new OrderTicket(Guid.NewGuid(), alice.Connection, "005930", OrderSide.Buy, 5, 69_000, "0");
        Assert.Equal(OrderOutcome.Accepted, (await Host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        await alice.Tracker.OpenOrdersReadBack(alice.Connection);
        var number = (await Host.IntentAsync(ticket.IntentId))!.OrderNumber!;
        Script(open: [], fills: [Row(number, unfilled: 0, filled: 5, price: 69_000)]);
        var asked = Host.Gateway.Queries.Asked.Count;

        Host.Gateway.RaiseStatus(BrokerLinkState.Connected);
        await alice.Tracker.OpenOrdersReadBack(alice.Connection);
        Assert.Equal(asked, Host.Gateway.Queries.Asked.Count);
        Assert.Equal(OrderState.Accepted, (await Host.IntentAsync(ticket.IntentId))!.State);

        Host.Gateway.RaiseStatus(BrokerLinkState.Reconnecting);
        Host.Gateway.RaiseStatus(BrokerLinkState.Connected);

        var intent = await ReachesAsync(ticket.IntentId, OrderState.Filled, "the reconnect did not read the fill back");
        Assert.Equal((5L, 345_000L), (intent!.FilledQuantity, intent.FilledAmount));
        Assert.Contains("ka10075", Host.Gateway.Queries.Asked.Skip(asked));
        Assert.Single(Host.Gateway.Sent);
    }

    [Fact]
    public async Task OrdersGoneWithoutFillsTakeTheirEndFromTheAccountsOrderDetails()
    {
        var rejected = await LeftOpenAsync("0000103", 4);
        var cancelled = await LeftOpenAsync("0000104", 4);
        var modified = await LeftOpenAsync("0000105", 4);
        Script(open: [], fills: []);
        Host.Gateway.Queries.Bodies["kt00007"] = Body("acnt_ord_cntr_prps_dtl", [
            """{"ord_no":"0000103","stk_cd":"005930","acpt_tp":"거부","ori_ord":"0000000","mdfy_cncl":""}""",
            """{"ord_no":"0000106","stk_cd":"005930","acpt_tp":"확인","ori_ord":"0000104","mdfy_cncl":"매수취소"}""",
            """{"ord_no":"0000107","stk_cd":"005930","acpt_tp":"확인","ori_ord":"0000105","mdfy_cncl":"매수정정"}""",
        ]);

        await StartAsync();

        await Eventually.TrueAsync(() => Host.IntentAsync(modified).Result?.State == OrderState.Replaced, Wait, "the modified order was not read back");
        Assert.Equal(OrderState.Rejected, (await Host.IntentAsync(rejected))!.State);
        Assert.Equal(OrderState.Cancelled, (await Host.IntentAsync(cancelled))!.State);
        Assert.All([rejected, cancelled, modified], id => Assert.Equal(0L, Host.IntentAsync(id).Result!.OpenQuantity));
    }

    [Fact]
    public async Task ListsThatCannotBeReadChangeNothingAndTheNextReadBackApplies()
    {
        var id = await LeftOpenAsync("0000108", 6);

        await StartAsync();
        await Eventually.TrueAsync(() => Host.Gateway.Queries.Asked.Contains("ka10075"), Wait, "the lists were never asked");
        await alice.Tracker.OpenOrdersReadBack(alice.Connection);
        Assert.Equal(OrderState.Accepted, (await Host.IntentAsync(id))!.State);

        Script(open: [], fills: [Row("0000108", unfilled: 0, filled: 6, price: 70_100)]);
        Host.Gateway.RaiseStatus(BrokerLinkState.Reconnecting);
        Host.Gateway.RaiseStatus(BrokerLinkState.Connected);
        await Eventually.TrueAsync(() => Host.IntentAsync(id).Result?.State == OrderState.Filled, Wait, "the second read-back did not apply");
    }

    [Fact]
    public async Task GoldOrdersAreReadBackFromTheGoldSpotLists()
    {
        var stock = await LeftOpenAsync("0000110", 5);
        var filled = await LeftOpenAsync("0000111", 2, OrderProduct.Gold);
        var cancelled = await LeftOpenAsync("0000112", 1, OrderProduct.Gold);
        var open = await LeftOpenAsync("0000114", 3, OrderProduct.Gold);
        Script(open: [Row("0000110", unfilled: 5, filled: 0, price: 0)], fills: []);

        // kt50075: gold orders still open; kt50031: every gold order of the day, with fills and how it ended.
        Host.Gateway.Queries.Bodies["kt50075"] = Body("acnt_ord_oso_prst", [
            """{"ord_no":"0000114","stk_cd":"M04020000","ord_qty":"3","ord_remnq":"2","cntr_qty":"1","cntr_uv":"150000"}""",
        ]);
        Host.Gateway.Queries.Bodies["kt50031"] = Body("acnt_ord_cntr_prps_dtl", [
            """{"ord_no":"0000111","stk_cd":"M04020000","ord_qty":"2","ord_remnq":"0","cntr_qty":"2","cntr_uv":"150000","acpt_tp":"체결","ori_ord":"0000000","mdfy_cncl":""}""",
            """{"ord_no":"0000113","stk_cd":"M04020000","ord_qty":"1","ord_remnq":"0","cntr_qty":"0","acpt_tp":"확인","ori_ord":"0000112","mdfy_cncl":"매수취소"}""",
        ]);

        await StartAsync();

        var gold = await ReachesAsync(filled, OrderState.Filled, "the gold fill was not read back from kt50031");
        Assert.Equal((2L, 300_000L, 0L), (gold!.FilledQuantity, gold.FilledAmount, gold.OpenQuantity));
        await ReachesAsync(cancelled, OrderState.Cancelled, "the gold cancel was not read back from kt50031");
        var partly = await ReachesAsync(open, OrderState.PartiallyFilled, "the gold part fill was not read back from kt50075");
        Assert.Equal((1L, 2L), (partly!.FilledQuantity, partly.OpenQuantity));
        Assert.Equal(OrderState.Accepted, (await Host.IntentAsync(stock))!.State);
        Assert.Contains("kt50075", Host.Gateway.Queries.Asked);
        Assert.Contains("ka10075", Host.Gateway.Queries.Asked);
    }

    [Fact]
    public async Task AnOpenListOfTwentyPagesOrMoreIsNotReadAsWholeAndTheOrderStaysOpen()
    {
        // The order is on no page that was read; its details say it was cancelled. Judged from the cut list it would be
        // closed as cancelled, though it may be open on a page past the cut.
        var id = await LeftOpenAsync("0000190", 4);
        Script(open: [], fills: []);
        Host.Gateway.Queries.PageBodies["ka10075"] = [.. Enumerable.Range(0, OpenOrderReconciler.MaxPages + 1)
            .Select(n => Body("oso", [Row($"00008{n:00}", unfilled: 1, filled: 0, price: 0)]))];
        Host.Gateway.Queries.Bodies["kt00007"] = Body("acnt_ord_cntr_prps_dtl", [
            """{"ord_no":"0000191","stk_cd":"005930","acpt_tp":"확인","ori_ord":"0000190","mdfy_cncl":"매수취소"}""",
        ]);

        await StartAsync();
        await alice.Tracker.OpenOrdersReadBack(alice.Connection);

        Assert.Contains("ka10075", Host.Gateway.Queries.Asked);
        Assert.DoesNotContain("kt00007", Host.Gateway.Queries.Asked);
        var intent = (await Host.IntentAsync(id))!;
        Assert.Equal((OrderState.Accepted, 4L), (intent.State, intent.OpenQuantity));
    }

    private async Task<OrderIntent?> ReachesAsync(Guid id, OrderState state, string because)
    {
        await Eventually.TrueAsync(() => Host.IntentAsync(id).Result?.State == state, Wait, because);
        return await Host.IntentAsync(id);
    }

    /// <summary>An order an earlier run of the dashboard left accepted, with nothing of it tracked now.</summary>
    private async Task<Guid> LeftOpenAsync(string number, long quantity, OrderProduct product = OrderProduct.Stock)
    {
        var now = DateTimeOffset.UtcNow;
        var intent = new OrderIntent
        {
            Id = Guid.NewGuid(), MemberId = alice.Id, ConnectionId = alice.Connection, Product = product,
            StockCode = product == OrderProduct.Gold ? OrderValidator.GoldOneKilogram : "005930", Side = OrderSide.Buy,
            Quantity = quantity, Price = 70_000, TradeType = "0", Exchange = "KRX", State = OrderState.Accepted, OrderNumber = number,
            OpenQuantity = quantity, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        db.OrderIntents.Add(intent);
        await db.SaveChangesAsync();
        return intent.Id;
    }

    /// <summary>The dashboard's start: the reconciliation service opens tracking for every alice.Connection with open orders.</summary>
    private Task StartAsync() =>
        Host.Services.GetServices<IHostedService>().OfType<OrderReconciliationService>().Single().StartupAsync(CancellationToken.None);

    private void Script(string[] open, string[] fills)
    {
        Host.Gateway.Queries.Bodies["ka10075"] = Body("oso", open);
        Host.Gateway.Queries.Bodies["ka10076"] = Body("cntr", fills);
    }

    private static string Body(string list, string[] rows) => $$"""{"{{list}}":[{{string.Join(",", rows)}}],"return_code":0,"return_msg":"ok"}""";

    private static string Row(string number, long unfilled, long filled, long price, long? amount = null) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ord_no":"{{number}}","stk_cd":"005930","ord_qty":"{{unfilled + filled}}","ord_pric":"70000","oso_qty":"{{unfilled}}","cntr_qty":"{{filled}}","cntr_pric":"{{price}}"{{(amount is { } a ? $",\"cntr_tot_amt\":\"{a}\"" : "")}}}""");
}
