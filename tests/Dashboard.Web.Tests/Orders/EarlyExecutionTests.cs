using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A 00 push can overtake the REST answer that carries the order number (a market order fills at once):
/// the push is held by number and applied right after the number is recorded, in arrival order.
/// </summary>
public sealed class EarlyExecutionTests : IAsyncLifetime
{
    private TrackedMember alice = default!;

    public async Task InitializeAsync() => alice = await TrackedMember.StartAsync("early@team.test");

    public async Task DisposeAsync() => await alice.DisposeAsync();

    private OrdersHost Host => alice.Host;

    [Fact]
    public async Task FillsPushedBeforeTheRestAnswerAreAppliedAfterItInOrder()
    {
        Host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticket = new OrderTicket(Guid.NewGuid(), alice.Connection, "005930", OrderSide.Buy, 10, 70_000, "0");
        var placing = Host.Orders.PlaceOrderAsync(alice.Principal, ticket);
        await Broker.Eventually.TrueAsync(() => !Host.Gateway.Sent.IsEmpty, TimeSpan.FromSeconds(10));
        var number = (Host.Gateway.LastOrderNumber + 1).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

        // Kiwoom's pushes for the order arrive while our REST call is still waiting for its answer.
        await alice.PushAsync(OrderPushes.Fill(number, fill: 4, unfilled: 6, price: 70_000));
        await alice.PushAsync(OrderPushes.Fill(number, fill: 6, unfilled: 0, price: 69_900));
        Assert.Equal(2, alice.Tracker.HeldCount(alice.Connection));

        Host.Gateway.Gate.SetResult();
        var result = await placing;

        Assert.Equal(OrderOutcome.Accepted, result.Outcome);
        Assert.Equal(OrderState.Filled, result.Order?.State);
        var intent = (await Host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Filled, 10L, (4 * 70_000L) + (6 * 69_900L), 0L), (intent.State, intent.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Equal(
            [OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.PartialFill, OrderAuditKind.Fill],
            (await Host.AuditRowsAsync(ticket.IntentId)).Select(r => r.Kind));
        Assert.Equal(0, alice.Tracker.HeldCount(alice.Connection));
        Assert.Single(Host.Gateway.Sent);
    }

    [Fact]
    public async Task PushesForOrdersNoIntentClaimsStayBounded()
    {

        // Orders placed from another app on the same account are never claimed by an intent here.
        for (var n = 0; n < 600; n++)
        {
            await alice.PushAsync(OrderPushes.Fill((9_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, 0, 1_000));
        }

        Assert.Equal(512, alice.Tracker.HeldCount(alice.Connection));
    }
}
