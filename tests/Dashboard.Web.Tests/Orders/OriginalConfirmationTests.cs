using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// For a cancel or modify Kiwoom pushes twice: the new order's push and the ORIGINAL order's own confirmation (주문상태
/// 확인 or 취소, FID 902 its unfilled quantity). The original's open quantity follows FID 902 (never up), and whichever of
/// the confirmation, the cancel's own push and the REST answer comes first, the shares come off once.
/// </summary>
public sealed class OriginalConfirmationTests : IAsyncLifetime
{
    private TrackedMember alice = default!;

    public async Task InitializeAsync() => alice = await TrackedMember.StartAsync("confirm@team.test");

    public async Task DisposeAsync() => await alice.DisposeAsync();

    private OrdersHost Host => alice.Host;

    [Fact]
    public async Task ACancelElsewhereConfirmedByTheOriginalFirstIsTakenOffOnce()
    {
        var placed = await PlaceTenAsync();

        await alice.PushAsync(OrderPushes.Confirmation(placed.OrderNumber!, 10, unfilled: 6));
        Assert.Equal((OrderState.Accepted, 6L), await StateAsync(placed.IntentId));

        // The cancel order's own push for the same 4 shares, arriving after: already counted.
        await alice.PushAsync(OrderPushes.Cancel("0000900", placed.OrderNumber!, cancelled: 4));
        Assert.Equal((OrderState.Accepted, 6L), await StateAsync(placed.IntentId));
        var row = Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.Cancelled);
        Assert.Equal((4L, "0000900"), (row.Quantity, row.OrderNumber));
        Assert.True((await Host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task OurPartialCancelConfirmedByTheOriginalBeforeTheAnswerCountsOnce()
    {
        var placed = await PlaceTenAsync();
        Host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelling = Host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 4));
        await Broker.Eventually.TrueAsync(() => Host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(10));

        await alice.PushAsync(OrderPushes.Confirmation(placed.OrderNumber!, 10, unfilled: 6));
        Host.Gateway.Gate.SetResult();
        var cancel = await cancelling;

        Assert.Equal(OrderOutcome.Accepted, cancel.Outcome);
        Assert.Equal((OrderState.Accepted, 6L), (cancel.Target!.State, cancel.Target.OpenQuantity));
        Assert.Equal((OrderState.Accepted, 6L), await StateAsync(placed.IntentId));
        Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.Cancelled);
    }

    [Fact]
    public async Task OurModifyConfirmedByTheOriginalBeforeTheAnswerMovesTheSharesOnce()
    {
        var placed = await PlaceTenAsync();
        Host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var modifying = Host.Orders.ModifyOrderAsync(alice.Principal, new ModifyTicket(Guid.NewGuid(), placed.IntentId, 4, 69_900));
        await Broker.Eventually.TrueAsync(() => Host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(10));

        await alice.PushAsync(OrderPushes.Confirmation(placed.OrderNumber!, 10, unfilled: 6));
        Host.Gateway.Gate.SetResult();
        var modify = await modifying;

        Assert.Equal(OrderOutcome.Accepted, modify.Outcome);
        Assert.Equal(6L, modify.Target!.OpenQuantity);
        Assert.Equal(4L, modify.Order!.OpenQuantity);
        Assert.Equal((OrderState.Accepted, 6L), await StateAsync(placed.IntentId));
        Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.Modified);
    }

    [Fact]
    public async Task TheConfirmationNeverRaisesTheOpenQuantity()
    {
        var placed = await PlaceTenAsync();
        await alice.PushAsync(OrderPushes.Fill(placed.OrderNumber!, fill: 5, unfilled: 5, price: 70_000));
        var rows = (await Host.AuditRowsAsync(placed.IntentId)).Count;

        await alice.PushAsync(OrderPushes.Confirmation(placed.OrderNumber!, 10, unfilled: 8));

        Assert.Equal((OrderState.PartiallyFilled, 5L), await StateAsync(placed.IntentId));
        Assert.Equal(rows, (await Host.AuditRowsAsync(placed.IntentId)).Count);
    }

    [Fact]
    public async Task AFullCancelConfirmedOnlyByTheOriginalEndsTheOrder()
    {
        var placed = await PlaceTenAsync();

        await alice.PushAsync(OrderPushes.Confirmation(placed.OrderNumber!, 10, unfilled: 0, status: "취소"));

        Assert.Equal((OrderState.Cancelled, 0L), await StateAsync(placed.IntentId));
        Assert.Equal(OrderAuditKind.Cancelled, (await Host.AuditRowsAsync(placed.IntentId)).Last().Kind);
    }

    private async Task<(OrderState, long)> StateAsync(Guid intentId)
    {
        var intent = (await Host.IntentAsync(intentId))!;
        return (intent.State, intent.OpenQuantity);
    }

    private async Task<OrderView> PlaceTenAsync()
    {
        var placed = await Host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), alice.Connection, "005930", OrderSide.Buy, 10, 70_000, "0"));
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        return placed.Order!;
    }
}
