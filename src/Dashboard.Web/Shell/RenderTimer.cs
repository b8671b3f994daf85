namespace Dashboard.Web.Shell;

/// <summary>
/// A component's one timer, armed only while what the component shows can change by time alone: once, at the moment
/// it would change (data turning stale, a stale age's next second), or every period while a countdown is on screen.
/// A component with nothing time-dependent on screen leaves it disarmed, so its circuit gets no dispatch each second;
/// each component keeps its own phase (one clock for all circuits made the render tail worse: docs/benchmarks.md, round 7).
/// </summary>
public sealed class RenderTimer(TimeProvider time, Action due) : IDisposable
{
    private readonly Lock gate = new();
    private ITimer? timer;
    private DateTimeOffset? armedFor;
    private TimeSpan? period;
    private bool disposed;

    /// <summary>
    /// Makes sure <c>due</c> runs once, no later than <paramref name="when"/> (a millisecond on if it has passed); an earlier
    /// call stays, a running period ends.
    /// </summary>
    /// <remarks>Callers re-arm from <c>due</c>; keeping an earlier call keeps a render's re-arming from touching the timer each time.</remarks>
    public void NoLaterThan(DateTimeOffset when)
    {
        lock (gate)
        {
            if (disposed || (period is null && armedFor is { } armed && armed <= when))
            {
                return;
            }

            (period, armedFor) = (null, when);
            var delay = when - time.GetUtcNow();
            Timer().Change(delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Runs <c>due</c> every <paramref name="period"/> until <see cref="Stop"/>; already running, the phase is kept.</summary>
    public void Every(TimeSpan period)
    {
        lock (gate)
        {
            if (disposed || this.period == period)
            {
                return;
            }

            (this.period, armedFor) = (period, null);
            Timer().Change(period, period);
        }
    }

    public void Stop()
    {
        lock (gate)
        {
            if (disposed || (armedFor is null && period is null))
            {
                return;
            }

            (period, armedFor) = (null, null);
            timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Whether the timer will call; for tests and for the census of what a circuit keeps running.</summary>
    public bool Armed
    {
        get
        {
            lock (gate)
            {
                return armedFor is not null || period is not null;
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
        }
    }

    private ITimer Timer() => timer ??= time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private void Fire()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            if (period is null)
            {
                armedFor = null;
            }
        }

        due();
    }
}
