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

    // Pull-mode feeds (Pull): each takes its waiting values into the page just before a render. Touched on the circuit only.
    private readonly Dictionary<object, Action> pulls = [];
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

    /// <summary>
    /// Shows <paramref name="feed"/>'s values without a reader loop: the first value of a batch asks for a render (metered as
    /// t3, at delivery) and <paramref name="apply"/> gets the newest value per key on the circuit just before that render.
    /// One render per window then costs one hop to the circuit, not two per tick (LiveFeed.PullInto). The feed's failure is
    /// shown like a feed loop's (<see cref="FeedFailure"/>).
    /// </summary>
    /// <param name="stamps">When a value was received and, when the sender said, emitted.</param>
    protected void Pull<T>(LiveFeed<T> feed, Action<IReadOnlyList<T>> apply, Func<T, (DateTimeOffset ReceivedAt, DateTimeOffset? EmittedAt)> stamps)
        where T : class, ILiveValue
    {
        pulls[feed] = () =>
        {
            var batch = feed.TakePending();
            if (batch.Count > 0)
            {
                apply(batch);
            }
        };
        feed.PullInto(value =>
        {
            var (received, emitted) = stamps(value);
            RequestRender(received, emitted);
        });
        Track(ct => feed.Completion.WaitAsync(ct));
    }

    /// <summary>Stops taking values from a feed given to <see cref="Pull{T}"/> (the page replaced it).</summary>
    protected void StopPulling(object feed) => pulls.Remove(feed);

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

        // After the reset above: a value arriving from here on either is taken now or asks for the next render itself.
        foreach (var pull in pulls.Values)
        {
            pull();
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
