using Dashboard.Web.Broker;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Market;

/// <summary>
/// Base of components that show live data: <see cref="RequestRender"/> coalesces renders to at most one
/// per <see cref="BrokerOptions.RenderInterval"/>, <see cref="Lifetime"/> ends with the component, and
/// <see cref="Track"/> keeps feed loops observed so their failures reach the log and the page.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private readonly List<IAsyncDisposable> owned = [];
    private readonly Lock pendingGate = new();
    private RenderThrottle? throttle;
    private bool naive;
    private DateTimeOffset? oldestPendingReceivedAt;
    private DateTimeOffset? oldestPendingEmittedAt;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    [Inject]
    protected IOptions<BrokerOptions> BrokerOptions { get; set; } = default!;

    [Inject]
    protected BrokerMetrics Metrics { get; set; } = default!;

    [Inject]
    protected ILogger<LiveComponentBase> Logger { get; set; } = default!;

    /// <summary>Cancelled when the component is disposed.</summary>
    protected CancellationToken Lifetime => lifetime.Token;

    /// <summary>Set when a feed loop failed unexpectedly; pages show it as an error.</summary>
    protected string? FeedFailure { get; private set; }

    protected override void OnInitialized()
    {
        naive = BrokerOptions.Value.NaiveRenderingForBenchmark;
        throttle = new RenderThrottle(() => InvokeAsync(RenderNow), Time, BrokerOptions.Value.RenderInterval, Metrics, Logger);
    }

    /// <summary>Renders soon, at most once per render interval however often it is called.</summary>
    protected void RequestRender()
    {
        if (naive)
        {
            // The benchmark's baseline: one render per call, as StateHasChanged on every tick would do.
            Metrics.Rendered();
            _ = InvokeAsync(RenderNow);
            return;
        }

        throttle?.Request();
    }

    /// <summary>
    /// <see cref="RequestRender()"/> for live values received at <paramref name="receivedAt"/> (and sent at
    /// <paramref name="emittedAt"/>, when the sender said): meters t3 now and t4 when the render goes out.
    /// </summary>
    protected void RequestRender(DateTimeOffset receivedAt, DateTimeOffset? emittedAt)
    {
        Metrics.RenderRequested(receivedAt);
        lock (pendingGate)
        {
            if (oldestPendingReceivedAt is null || receivedAt < oldestPendingReceivedAt)
            {
                oldestPendingReceivedAt = receivedAt;
            }

            if (emittedAt is not null && (oldestPendingEmittedAt is null || emittedAt < oldestPendingEmittedAt))
            {
                oldestPendingEmittedAt = emittedAt;
            }
        }

        RequestRender();
    }

    /// <summary>Disposes <paramref name="resource"/> with the component (feeds, subscriptions).</summary>
    protected T Own<T>(T resource)
        where T : IAsyncDisposable
    {
        owned.Add(resource);
        return resource;
    }

    /// <summary>Runs a feed loop in the background; an unexpected failure is logged and shown, cancellation is not a failure.</summary>
    protected void Track(Func<CancellationToken, Task> loop) => _ = RunAsync(loop);

    public async ValueTask DisposeAsync()
    {
        await OnDisposingAsync();
        await lifetime.CancelAsync();
        throttle?.Dispose();
        foreach (var resource in owned)
        {
            await resource.DisposeAsync();
        }

        lifetime.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Renders on the renderer's context (the batch is built and handed to the connection) and meters t4.</summary>
    private void RenderNow()
    {
        DateTimeOffset? received;
        DateTimeOffset? emitted;
        lock (pendingGate)
        {
            (received, emitted) = (oldestPendingReceivedAt, oldestPendingEmittedAt);
            (oldestPendingReceivedAt, oldestPendingEmittedAt) = (null, null);
        }

        StateHasChanged();
        if (received is { } oldest)
        {
            Metrics.RenderSent(oldest, emitted);
        }
    }

    /// <summary>Releases what a derived component holds besides its owned feeds (browser objects, timers), before the feeds close.</summary>
    protected virtual ValueTask OnDisposingAsync() => ValueTask.CompletedTask;

    private async Task RunAsync(Func<CancellationToken, Task> loop)
    {
        // Read once: after disposal the source is gone and reading Lifetime would throw inside the filter below.
        var ending = Lifetime;
        try
        {
            await loop(ending);
        }
        catch (Exception) when (ending.IsCancellationRequested)
        {
            // The component went away (cancelled waits, completed feeds): a normal teardown, not a failure.
        }
        catch (FeedOverrunException ex)
        {
            BrokerLog.FeedOverrun(Logger, GetType().Name, ex.Message);
            FeedFailure = ex.Message;
            RequestRender();
        }
        catch (Exception ex)
        {
            BrokerLog.FeedFailed(Logger, ex, GetType().Name);
            FeedFailure = ex.Message;
            RequestRender();
        }
    }
}
