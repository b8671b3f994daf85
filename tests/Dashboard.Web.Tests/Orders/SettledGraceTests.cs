using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A connection's order tracking outlives its last order's settling by <see cref="OrdersOptions.SettledGrace"/>, so a
/// push still on its way (a fill that beat the cancel) is read; after the grace a sweep lets the connection go.
/// </summary>
public sealed class SettledGraceTests : IAsyncLifetime
{
    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:SettledGrace"] = "00:00:00.300" });
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("grace@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices[TrackedMember.Code] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OrderTracker Tracker => host.Services.GetRequiredService<OrderTracker>();

    [Fact]
    public async Task ACancelledOrdersConnectionIsTrackedThroughTheGraceAndLetGoAfterIt()
    {
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), connection, TrackedMember.Code, OrderSide.Buy, 10, 70_000, "0"));
        var cancel = await host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 0));
        Assert.Equal(OrderState.Cancelled, cancel.Target!.State);

        // Settled, but within the grace: a sweep keeps it, and its channel stays open.
        await Tracker.SweepAsync();
        Assert.True(Tracker.IsTracking(connection));
        Assert.Equal(0, host.Gateway.Disposed);

        await Broker.Eventually.TrueAsync(() =>
        {
            Tracker.SweepAsync().GetAwaiter().GetResult();
            return !Tracker.IsTracking(connection);
        }, TimeSpan.FromSeconds(10), "the sweep never let the settled connection go");
        Assert.Equal(1, host.Gateway.Disposed);
    }
}
