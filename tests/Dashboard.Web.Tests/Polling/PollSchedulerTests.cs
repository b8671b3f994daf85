using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;

namespace Dashboard.Web.Tests.Polling;

/// <summary>The shared per-member polling plan: fairness, the throttled state, and what disposing a screen does.</summary>
public sealed class PollSchedulerTests
{
    private readonly PollingHarness harness = new(queriesPerSecond: 5, share: 0.6);
    private readonly FakeBrokerSession session = new();

    [Fact]
    public async Task ScreensThatTogetherWantMoreThanTheBudgetSlowDownTogetherAndNoneStarves()
    {
        // Five screens each wanting a refresh every second: 5 requests/s against the 3/s polling may plan.
        var counts = new int[5];
        var handles = Enumerable.Range(0, 5).Select(i => harness.Scheduler.Register(session, $"screen-{i}", TimeSpan.FromSeconds(1), _ =>
        {
            Interlocked.Increment(ref counts[i]);
            return Task.FromResult(PollOutcome.Refreshed);
        })).ToList();

        await harness.RunForAsync(session.KeyId, TimeSpan.FromSeconds(60));

        Assert.True(counts.Max() - counts.Min() <= 1, $"Uneven refreshes: {string.Join(", ", counts)}");
        Assert.InRange(counts.Sum(), 170, 181);
        Assert.All(handles, h =>
        {
            Assert.True(h.State.Throttled);
            Assert.Equal(5, h.State.Screens);
            Assert.Equal(5.0 / 3.0, h.State.Effective.TotalSeconds, 3);
        });
        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }
    }

    [Fact]
    public async Task AScreenWithinTheBudgetRefreshesAtItsIntervalAndIsNotThrottled()
    {
        var count = 0;
        await using var handle = harness.Scheduler.Register(session, "rankings", TimeSpan.FromSeconds(2), _ =>
        {
            count++;
            return Task.FromResult(PollOutcome.Refreshed);
        });
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromSeconds(2), handle.State.NextAt);

        await harness.RunForAsync(session.KeyId, TimeSpan.FromSeconds(20.5));

        Assert.Equal(10, count);
        Assert.False(handle.State.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(2), handle.State.Effective);
        Assert.Equal(PollOutcome.Refreshed, handle.State.LastOutcome);
    }

    [Fact]
    public async Task ARateLimitedAnswerThrottlesEveryScreenOfTheMemberForAWhile()
    {
        var answers = new Queue<PollOutcome>([PollOutcome.RateLimited]);
        await using var limited = harness.Scheduler.Register(session, "rankings", TimeSpan.FromSeconds(5),
            _ => Task.FromResult(answers.TryDequeue(out var next) ? next : PollOutcome.Refreshed));
        await using var other = harness.Scheduler.Register(session, "sectors", TimeSpan.FromSeconds(5), _ => Task.FromResult(PollOutcome.Refreshed));
        Assert.False(other.State.Throttled);

        await harness.RunForAsync(session.KeyId, TimeSpan.FromSeconds(5.5));

        Assert.Equal(PollOutcome.RateLimited, limited.State.LastOutcome);
        Assert.True(other.State.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(10), other.State.Effective);

        await harness.RunForAsync(session.KeyId, TimeSpan.FromSeconds(60));

        Assert.False(other.State.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(5), other.State.Effective);
    }

    [Fact]
    public async Task DisposingAScreenCancelsItsRunningRefreshAndNoFurtherOneStarts()
    {
        var started = 0;
        var cancelled = new TaskCompletionSource();
        var handle = harness.Scheduler.Register(session, "rankings", TimeSpan.FromSeconds(1), async ct =>
        {
            Interlocked.Increment(ref started);
            ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return PollOutcome.Refreshed;
        });

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => handle.State.Refreshing, TimeSpan.FromSeconds(5));

        await handle.DisposeAsync();

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => harness.Scheduler.LoopOf(session.KeyId) is null, TimeSpan.FromSeconds(5), "The member's loop did not end with its last screen.");
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref started));
    }

    [Fact]
    public async Task EachMemberHasItsOwnBudget()
    {
        var other = new FakeBrokerSession { KeyId = "other:Simulator" };
        await using var a = harness.Scheduler.Register(session, "rankings", TimeSpan.FromSeconds(1), Refreshed);
        await using var b = harness.Scheduler.Register(session, "sectors", TimeSpan.FromSeconds(1), Refreshed);
        await using var c = harness.Scheduler.Register(other, "rankings", TimeSpan.FromSeconds(1), Refreshed);

        Assert.False(a.State.Throttled);
        Assert.False(c.State.Throttled);
        Assert.Equal(2, a.State.Screens);
        Assert.Equal(1, c.State.Screens);
        Assert.NotSame(harness.Scheduler.LoopOf(session.KeyId), harness.Scheduler.LoopOf(other.KeyId));
    }

    [Fact]
    public void AnIntervalBelowOneSecondIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Scheduler.Register(session, "rankings", TimeSpan.FromMilliseconds(200), _ => Task.FromResult(PollOutcome.Refreshed)));

    private static Task<PollOutcome> Refreshed(CancellationToken ct) => Task.FromResult(PollOutcome.Refreshed);
}
