namespace Dashboard.Web.Broker;

/// <summary>
/// Coalesces render requests of one live component: however many ticks arrive, it renders at most once
/// per interval (about 10 per second), and the last request is always rendered.
/// </summary>
public sealed class RenderThrottle : IDisposable
{
    private readonly Func<Task> render;
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private readonly BrokerMetrics metrics;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly ITimer timer;
    private long lastRender;
    private bool scheduled;
    private bool disposed;

    /// <param name="render">Renders the component, e.g. <c>() =&gt; InvokeAsync(StateHasChanged)</c>.</param>
    public RenderThrottle(Func<Task> render, TimeProvider time, TimeSpan interval, BrokerMetrics metrics, ILogger logger)
    {
        this.render = render;
        this.time = time;
        this.interval = interval;
        this.metrics = metrics;
        this.logger = logger;
        timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Asks for a render; returns at once. Renders now if the last one is an interval old, else when it will be.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (disposed || scheduled)
            {
                return;
            }

            scheduled = true;
            var wait = lastRender == 0 ? TimeSpan.Zero : interval - time.GetElapsedTime(lastRender);
            timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }

        timer.Dispose();
    }

    private void Fire()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            scheduled = false;
            lastRender = time.GetTimestamp();
        }

        metrics.Rendered();
        _ = RenderAsync();
    }

    private async Task RenderAsync()
    {
        try
        {
            await render();
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended between the tick and the render; there is nothing left to draw.
        }
        catch (Exception ex)
        {
            BrokerLog.RenderFailed(logger, ex);
        }
    }
}
