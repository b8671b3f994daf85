using Dashboard.Web.Broker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Broker;

public sealed class RenderThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static RenderThrottle Throttle(FakeTimeProvider time, Action rendered) =>
        new(() => { rendered(); return Task.CompletedTask; }, time, Interval, TestMeters.Create(), NullLogger.Instance);

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
        using var throttle = Throttle(time, () => renders++);

        throttle.Request();
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(1, renders);
    }

    [Fact]
    public void RequestDuringTheIntervalIsRenderedWhenTheIntervalEnds()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        using var throttle = Throttle(time, () => renders++);
        throttle.Request();
        time.Advance(TimeSpan.FromMilliseconds(1));

        throttle.Request();
        time.Advance(TimeSpan.FromMilliseconds(98));
        Assert.Equal(1, renders);

        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(2, renders);
    }

    [Fact]
    public void TwoThrottlesKeepTheirOwnPhases()
    {
        var time = new FakeTimeProvider();
        var (first, second) = (0, 0);
        using var a = Throttle(time, () => first++);
        using var b = Throttle(time, () => second++);

        // A page opened at 0 ms and one at 30 ms, both then ticking every millisecond: renders at 0, 100 and 30, 130.
        for (var ms = 0; ms < 105; ms++)
        {
            a.Request();
            if (ms >= 30)
            {
                b.Request();
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal((2, 1), (first, second));
        time.Advance(TimeSpan.FromMilliseconds(26));
        Assert.Equal(2, second);
    }

    [Fact]
    public void ARenderDueSoonerIsNotHeldBehindOneDueLater()
    {
        var time = new FakeTimeProvider();
        var (first, second) = (0, 0);
        using var a = Throttle(time, () => first++);
        using var b = Throttle(time, () => second++);
        a.Request();
        time.Advance(TimeSpan.FromMilliseconds(1));
        a.Request();

        // a waits for its render at 100 ms; b's first render is due at once.
        time.Advance(TimeSpan.FromMilliseconds(49));
        b.Request();
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal((1, 1), (first, second));
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(2, first);
    }

    [Fact]
    public void NothingRendersAfterDispose()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        var throttle = Throttle(time, () => renders++);

        throttle.Dispose();
        throttle.Request();
        time.Advance(Interval * 3);

        Assert.Equal(0, renders);
    }
}
