using Dashboard.Web.Broker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Broker;

public sealed class RenderThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void BurstOfRequestsRendersAtMostTenTimesASecond()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        var metrics = TestMeters.Create();
        using var throttle = new RenderThrottle(() => { renders++; return Task.CompletedTask; }, time, Interval, metrics, NullLogger.Instance);

        // A tick every millisecond for one second: 1000 requests.
        for (var ms = 0; ms < 1000; ms++)
        {
            throttle.Request();
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        time.Advance(Interval);
        Assert.InRange(renders, 9, 11);
        Assert.Equal(renders, metrics.Renders);
    }

    [Fact]
    public void FirstRequestRendersWithoutWaitingAnInterval()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        using var throttle = new RenderThrottle(() => { renders++; return Task.CompletedTask; }, time, Interval, TestMeters.Create(), NullLogger.Instance);

        throttle.Request();
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(1, renders);
    }

    [Fact]
    public void RequestDuringTheIntervalIsRenderedWhenTheIntervalEnds()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        using var throttle = new RenderThrottle(() => { renders++; return Task.CompletedTask; }, time, Interval, TestMeters.Create(), NullLogger.Instance);
        throttle.Request();
        time.Advance(TimeSpan.FromMilliseconds(1));

        throttle.Request();
        time.Advance(TimeSpan.FromMilliseconds(98));
        Assert.Equal(1, renders);

        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(2, renders);
    }

    [Fact]
    public void NothingRendersAfterDispose()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        var throttle = new RenderThrottle(() => { renders++; return Task.CompletedTask; }, time, Interval, TestMeters.Create(), NullLogger.Instance);

        throttle.Dispose();
        throttle.Request();
        time.Advance(Interval * 3);

        Assert.Equal(0, renders);
    }
}
