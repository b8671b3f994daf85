namespace Dashboard.Web.Orders;

/// <summary>
/// Stops the order tracker's push loops as the host begins to stop: before any hosted service (the server, the
/// embedded simulator, the broker sessions) stops and ends their feeds, and well before the container is disposed.
/// Disposing the tracker is too late: the container is already marked disposed then, and a loop still applying a
/// push fails on it (the stack trace the benchmark printed at shutdown).
/// </summary>
internal sealed class OrderTrackingShutdown(OrderTracker tracker) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) => tracker.StopTrackingAsync();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
