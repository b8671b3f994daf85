using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A connection's order tracking outlives its last order's settling by <see cref="OrdersOptions.SettledGrace"/>, so a
/// push still on its way (a fill that beat the cancel) is read; after the grace a sweep lets the connection go.
/// </summary>
public sealed class SettledGraceTests : IAsyncLifetime
{
    private TrackedMember alice = default!;

    public async Task InitializeAsync() =>
        alice = await TrackedMember.StartAsync("grace@team.test", new Dictionary<string, string?> { ["Orders:SettledGrace"] = "00:00:00.300" });

    public async Task DisposeAsync() => await alice.DisposeAsync();

    [Fact]
    public async Task ACancelledOrdersConnectionIsTrackedThroughTheGraceAndLetGoAfterIt()
    {
        var orders = alice.Host.Orders;
        var placed = await orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), alice.Connection, TrackedMember.Code, OrderSide.Buy, 10, 70_000, "0"));
        var cancel = await orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 0));
        Assert.Equal(OrderState.Cancelled, cancel.Target!.State);

        // Settled, but within the grace: a sweep keeps it, and its channel stays open.
        await alice.Tracker.SweepAsync();
        Assert.True(alice.Tracker.IsTracking(alice.Connection));
        Assert.Equal(0, alice.Host.Gateway.Disposed);

        await Broker.Eventually.TrueAsync(() =>
        {
            alice.Tracker.SweepAsync().GetAwaiter().GetResult();
            return !alice.Tracker.IsTracking(alice.Connection);
        }, TimeSpan.FromSeconds(10), "the sweep never let the settled connection go");
        Assert.Equal(1, alice.Host.Gateway.Disposed);
    }
}
