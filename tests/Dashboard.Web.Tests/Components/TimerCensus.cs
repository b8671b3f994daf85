using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The test context's fake clock, counting the timers that are armed: a component that should keep no timer running while
/// it has nothing time-dependent to show is checked by <see cref="Armed"/>, not by how often it happens to render.
/// </summary>
public sealed class TimerCensus(FakeTimeProvider time) : TimeProvider
{
    private readonly List<CountedTimer> timers = [];

    /// <summary>Puts a census in front of the context's fake clock (the last <see cref="TimeProvider"/> registration wins).</summary>
    public static TimerCensus Install(IServiceCollection services)
    {
        var fake = (FakeTimeProvider)services.Last(d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance!;
        var census = new TimerCensus(fake);
        services.AddSingleton<TimeProvider>(census);
        return census;
    }

    /// <summary>Timers that will call their callback (again): armed by Change or creation, not disposed, not a spent one-shot.</summary>
    public int Armed
    {
        get
        {
            lock (timers)
            {
                return timers.Count(t => t.IsArmed);
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer();
        counted.Inner = time.CreateTimer(s => counted.Fired(callback, s), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        counted.Change(dueTime, period);
        lock (timers)
        {
            timers.Add(counted);
        }

        return counted;
    }

    private sealed class CountedTimer : ITimer
    {
        private volatile bool armed;
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = default!;

        public bool IsArmed => armed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            (this.period, armed) = (period, dueTime != Timeout.InfiniteTimeSpan);
            return Inner.Change(dueTime, period);
        }

        public void Fired(TimerCallback callback, object? state)
        {
            if (period == Timeout.InfiniteTimeSpan)
            {
                armed = false;
            }

            callback(state);
        }

        public void Dispose()
        {
            armed = false;
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            armed = false;
            return Inner.DisposeAsync();
        }
    }
}
