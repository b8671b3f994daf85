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
    private TrackedMember alice = default!;

    public async Task InitializeAsync() => alice = await TrackedMember.StartAsync("partial@team.test");

    public async Task DisposeAsync() => await alice.DisposeAsync();

    private OrdersHost Host => alice.Host;


    [Fact]
    public async Task ACancelPushForPartOfTheOrderLeavesTheRestOpen()
    {
        var placed = await PlaceTenAsync();

        // A cancel of 4 made in another app (no intent here): only the push tells us.
        await alice.PushAsync(OrderPushes.Cancel("0000900", placed.OrderNumber!, cancelled: 4));

        var intent = (await Host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Accepted, 6L), (intent.State, intent.OpenQuantity));
        var row = Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.Cancelled);
        Assert.Equal((4L, "0000900"), (row.Quantity, row.OrderNumber));

        // The rest cancelled by a second cancel order: now the whole order is.
        await alice.PushAsync(OrderPushes.Cancel("0000901", placed.OrderNumber!, cancelled: 6));
        intent = (await Host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Cancelled, 0L), (intent.State, intent.OpenQuantity));
        Assert.True((await Host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task OurPartialCancelCountsOnceWhenItsPushArrivesAfterTheAnswer()
    {
        var placed = await PlaceTenAsync();

        var cancel = await Host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 4));
        Assert.Equal(OrderOutcome.Accepted, cancel.Outcome);
        Assert.Equal((OrderState.Accepted, 6L), (cancel.Target!.State, cancel.Target.OpenQuantity));
        await alice.PushAsync(OrderPushes.Cancel(cancel.Order!.OrderNumber!, placed.OrderNumber!, cancelled: 4));

        await AssertCancelledOnceAsync(placed.IntentId, open: 6);
    }

    [Fact]
    public async Task OurPartialCancelCountsOnceWhenItsPushOvertakesTheAnswer()
    {
        var placed = await PlaceTenAsync();
        Host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelling = Host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 4));
        await Broker.Eventually.TrueAsync(() => Host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(10));
        var cancelNumber = (Host.Gateway.LastOrderNumber + 1).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

        // Kiwoom's push of the cancel order arrives while our REST call still waits for its answer.
        await alice.PushAsync(OrderPushes.Cancel(cancelNumber, placed.OrderNumber!, cancelled: 4));
        Assert.Equal(6L, (await Host.IntentAsync(placed.IntentId))!.OpenQuantity);
        Host.Gateway.Gate.SetResult();
        Assert.Equal(OrderOutcome.Accepted, (await cancelling).Outcome);

        await AssertCancelledOnceAsync(placed.IntentId, open: 6);
    }

    private async Task AssertCancelledOnceAsync(Guid intentId, long open)
    {
        var intent = (await Host.IntentAsync(intentId))!;
        Assert.Equal((OrderState.Accepted, open), (intent.State, intent.OpenQuantity));
        Assert.Single(await Host.AuditRowsAsync(intentId), r => r.Kind == OrderAuditKind.Cancelled);
        Assert.True((await Host.Audit.VerifyAsync()).IsIntact);
    }

    private async Task<OrderView> PlaceTenAsync()
    {
        var placed = await Host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), alice.Connection, "005930", OrderSide.Buy, 10, 70_000, "0"));
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        return placed.Order!;
    }
}
