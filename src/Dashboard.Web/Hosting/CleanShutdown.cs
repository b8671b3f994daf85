using System.Diagnostics;
using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Hosting;

/// <summary>
/// REL-10: on SIGTERM / Ctrl+C / docker stop, closes every broker session and revokes every Kiwoom token (au10002)
/// while the services still exist and before the server stops (the embedded simulator answers on the same
/// listener). It runs in the stopping phase, ahead of every hosted service's StopAsync, within a budget so the
/// process exits well inside the host's shutdown timeout; what does not finish in time is skipped with a log line.
/// </summary>
internal sealed class CleanShutdown(IServiceProvider services, ILogger<CleanShutdown> logger) : IHostedLifecycleService
{
    /// <summary>Time given to closing sessions and revoking tokens; the host's own shutdown timeout is longer.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>The whole stop, including the server draining its connections: inside the 30 s an orchestrator waits.</summary>
    public static readonly TimeSpan HostShutdownTimeout = TimeSpan.FromSeconds(20);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (services.GetService<BrokerSessionRegistry>() is { } registry)
            {
                await registry.DisposeAsync().AsTask().WaitAsync(budget.Token);
            }

            if (services.GetService<IKiwoomTokenSource>() is IAsyncDisposable tokens)
            {
                await tokens.DisposeAsync().AsTask().WaitAsync(budget.Token);
            }

            HostingLog.ShutdownCleanedUp(logger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            HostingLog.ShutdownBudgetSpent(logger, (long)Budget.TotalSeconds);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
