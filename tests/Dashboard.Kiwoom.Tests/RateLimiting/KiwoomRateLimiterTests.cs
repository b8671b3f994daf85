using System.Collections.Concurrent;
using Dashboard.Kiwoom.RateLimiting;
using Dashboard.Kiwoom.Tests.Rest;

namespace Dashboard.Kiwoom.Tests.RateLimiting;

public sealed class KiwoomRateLimiterTests
{
    [Fact]
    public async Task HundredConcurrentCallersNeverPushAKeyOverFivePerSecond()
    {
        var harness = new RestHarness();
        var grants = new ConcurrentQueue<DateTimeOffset>();
        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            using var lease = await harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query);
            grants.Enqueue(harness.Time.GetUtcNow());
        })).ToArray();

        await harness.DriveAsync(Task.WhenAll(callers), TimeSpan.FromMinutes(1));

        Assert.Equal(100, grants.Count);
        Assert.True(MaxInAnySecond(grants) <= 5, $"max {MaxInAnySecond(grants)} grants in one second");
    }

    [Fact]
    public async Task ABurstUpToTheLimitGoesOutAtOnce()
    {
        var harness = new RestHarness();
        for (var i = 0; i < 5; i++)
        {
            var acquire = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query);
            Assert.True(acquire.IsCompleted);
            (await acquire).Dispose();
        }

        var sixth = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query).AsTask();
        Assert.False(sixth.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(sixth.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        (await sixth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task ATokenReturnsOneSecondAfterTheAnswerNotAfterTheSend()
    {
        var harness = new RestHarness(o => o.QueriesPerSecond = 1);
        var slow = await harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query);
        var next = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query).AsTask();

        // The first answer takes 3 s; only then does its token start its one-second way back.
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(next.IsCompleted);
        slow.Dispose();
        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public void MockHostAllowsOneQueryPerSecondButFiveOrders()
    {
        var harness = new RestHarness(environment: KiwoomEnvironment.Mock);

        Assert.Equal(1, harness.Limiter.LimitOf(harness.Credential, RateLimitGroup.Query));
        Assert.Equal(5, harness.Limiter.LimitOf(harness.Credential, RateLimitGroup.Order));
        Assert.Equal(5, harness.Limiter.LimitOf(harness.Credential with { Environment = KiwoomEnvironment.Production }, RateLimitGroup.Query));
        Assert.Equal(1, new Dashboard.Kiwoom.Rest.KiwoomClientOptions().AuthPerSecond);
    }

    [Fact]
    public async Task KeysAndGroupsHaveSeparateBudgets()
    {
        var harness = new RestHarness(o => o.QueriesPerSecond = 1);
        var other = harness.Credential with { AppKey = "ANOTHER-KEY-0000000000000000" };

        using var first = await harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query);

        var otherKey = harness.Limiter.AcquireAsync(other, RateLimitGroup.Query).AsTask();
        var otherGroup = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Order).AsTask();
        var sameBucket = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query).AsTask();

        Assert.True(otherKey.IsCompletedSuccessfully);
        Assert.True(otherGroup.IsCompletedSuccessfully);
        Assert.False(sameBucket.IsCompleted);
        first.Dispose();

        // The waiter arms its refill timer on its own thread: under load that can happen after a single Advance,
        // which would then be missed. Step the clock until it wakes (bounded), instead of racing it once.
        for (var step = 0; step < 50 && !sameBucket.IsCompleted; step++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(sameBucket, Task.Delay(20));
        }

        await sameBucket.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RateLimitAnswersPauseTheBucketForGrowingSpells()
    {
        var harness = new RestHarness();

        var first = harness.Limiter.ReportRateLimited(harness.Credential, RateLimitGroup.Query);
        var second = harness.Limiter.ReportRateLimited(harness.Credential, RateLimitGroup.Query);
        var third = harness.Limiter.ReportRateLimited(harness.Credential, RateLimitGroup.Query);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], new[] { first, second, third });

        var waiting = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query).AsTask();
        harness.Time.Advance(TimeSpan.FromSeconds(3.9));
        Assert.False(waiting.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        harness.Limiter.ReportAccepted(harness.Credential, RateLimitGroup.Query);
        Assert.Equal(TimeSpan.FromSeconds(1), harness.Limiter.ReportRateLimited(harness.Credential, RateLimitGroup.Query));
    }

    [Fact]
    public void PauseGrowthStopsAtTheConfiguredMaximum()
    {
        var harness = new RestHarness(o => o.MaxRateLimitPause = TimeSpan.FromSeconds(5));
        var pauses = Enumerable.Range(0, 40).Select(_ => harness.Limiter.ReportRateLimited(harness.Credential, RateLimitGroup.Order)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(5), pauses[^1]);
        Assert.All(pauses, p => Assert.True(p <= TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ServerRetryAfterLongerThanThePauseIsHonoured()
    {
        var harness = new RestHarness();

        Assert.Equal(TimeSpan.FromSeconds(7), harness.Limiter.ReportRateLimited(harness.Credential, RateLimitGroup.Query, TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public async Task CancelledWaiterLeavesTheQueueWithoutTakingAToken()
    {
        var harness = new RestHarness(o => o.QueriesPerSecond = 1);
        (await harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query)).Dispose();
        using var cts = new CancellationTokenSource();

        var cancelled = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query, cts.Token).AsTask();
        var next = harness.Limiter.AcquireAsync(harness.Credential, RateLimitGroup.Query).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await harness.DriveAsync(next, TimeSpan.FromSeconds(5));
    }

    internal static int MaxInAnySecond(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.Order().ToArray();
        var max = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var count = sorted.Skip(i).TakeWhile(t => t < sorted[i] + TimeSpan.FromSeconds(1)).Count();
            max = Math.Max(max, count);
        }

        return max;
    }
}
