using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A cancel for part of what is open (kt10003 cncl_qty below the remainder) leaves the rest open. Kiwoom reports a
/// cancel twice, by the REST answer and by the cancel order's 00 push (FID 900 its quantity); either may come first,
/// and the shares are taken off the original once, keyed by the cancel's order number.
/// </summary>
public sealed class PartialCancelTests : IAsyncLifetime
{
    private readonly OrdersHost host = new();
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("partial@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OrderTracker Tracker => host.Services.GetRequiredService<OrderTracker>();

    [Fact]
    public async Task ACancelPushForPartOfTheOrderLeavesTheRestOpen()
    {
        var placed = await PlaceTenAsync();

        // A cancel of 4 made in another app (no intent here): only the push tells us.
        await Tracker.ApplyAsync(connection, alice.Id, CancelPush("0000900", placed.OrderNumber!, cancelled: 4));

        var intent = (await host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Accepted, 6L), (intent.State, intent.OpenQuantity));
        var row = Assert.Single(await host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.Cancelled);
        Assert.Equal((4L, "0000900"), (row.Quantity, row.OrderNumber));

        // The rest cancelled by a second cancel order: now the whole order is.
        await Tracker.ApplyAsync(connection, alice.Id, CancelPush("0000901", placed.OrderNumber!, cancelled: 6));
        intent = (await host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Cancelled, 0L), (intent.State, intent.OpenQuantity));
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task OurPartialCancelCountsOnceWhenItsPushArrivesAfterTheAnswer()
    {
        var placed = await PlaceTenAsync();

        var cancel = await host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 4));
        Assert.Equal(OrderOutcome.Accepted, cancel.Outcome);
        Assert.Equal((OrderState.Accepted, 6L), (cancel.Target!.State, cancel.Target.OpenQuantity));
        await Tracker.ApplyAsync(connection, alice.Id, CancelPush(cancel.Order!.OrderNumber!, placed.OrderNumber!, cancelled: 4));

        await AssertCancelledOnceAsync(placed.IntentId, open: 6);
    }

    [Fact]
    public async Task OurPartialCancelCountsOnceWhenItsPushOvertakesTheAnswer()
    {
        var placed = await PlaceTenAsync();
        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelling = host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 4));
        await Broker.Eventually.TrueAsync(() => host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(10));
        var cancelNumber = (host.Gateway.LastOrderNumber + 1).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

        // Kiwoom's push of the cancel order arrives while our REST call still waits for its answer.
        await Tracker.ApplyAsync(connection, alice.Id, CancelPush(cancelNumber, placed.OrderNumber!, cancelled: 4));
        Assert.Equal(6L, (await host.IntentAsync(placed.IntentId))!.OpenQuantity);
        host.Gateway.Gate.SetResult();
        Assert.Equal(OrderOutcome.Accepted, (await cancelling).Outcome);

        await AssertCancelledOnceAsync(placed.IntentId, open: 6);
    }

    private async Task AssertCancelledOnceAsync(Guid intentId, long open)
    {
        var intent = (await host.IntentAsync(intentId))!;
        Assert.Equal((OrderState.Accepted, open), (intent.State, intent.OpenQuantity));
        Assert.Single(await host.AuditRowsAsync(intentId), r => r.Kind == OrderAuditKind.Cancelled);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    private async Task<OrderView> PlaceTenAsync()
    {
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 10, 70_000, "0"));
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        return placed.Order!;
    }

    /// <summary>The cancel order's own 00 push as Kiwoom sends it: kind 매수취소, status 확인, FID 900 the cancelled quantity.</summary>
    private static OrderExecution CancelPush(string cancelNumber, string originalNumber, long cancelled) => new(
        "1234567890", cancelNumber, "005930", "삼성전자", "확인", "+매수취소", "보통", "2", cancelled, 70_000, 0, null, originalNumber,
        new TimeOnly(9, 30), "", null, null, null, null, null, null, null, "", "1", DateTimeOffset.UtcNow);
}
