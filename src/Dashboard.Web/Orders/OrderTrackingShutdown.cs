namespace Dashboard.Web.Orders;

/// <summary>
/// Stops the order tracker's push loops when the host stops. Disposing the tracker is too late: the container
/// is already marked disposed by then, and a loop still applying a push fails on it.
/// </summary>
internal sealed class OrderTrackingShutdown(OrderTracker tracker) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => tracker.StopTrackingAsync();
}
