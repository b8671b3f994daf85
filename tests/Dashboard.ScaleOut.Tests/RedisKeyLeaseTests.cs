using Dashboard.Web.ScaleOut;
using Dashboard.Web.Tests.Broker;
using StackExchange.Redis;

namespace Dashboard.ScaleOut.Tests;

/// <summary>The lease primitive on the loopback Redis: exclusive, fenced, expiring, released only by its holder.</summary>
public sealed class RedisKeyLeaseTests : IAsyncLifetime
{
    private readonly string prefix = "dashboard-lease-unit-" + Guid.NewGuid().ToString("N")[..8];
    private ConnectionMultiplexer redis = null!;

    public async Task InitializeAsync() => redis = await ScaleOutServices.ConnectRedisAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task OnlyOneInstanceHoldsAKeyAndEachNewHoldingHasALargerFence()
    {
        var a = Lease("a");
        var b = Lease("b");

        var first = await a.TryAcquireAsync("key-1");
        Assert.NotNull(first);
        Assert.Null(await b.TryAcquireAsync("key-1"));
        Assert.Null(await a.TryAcquireAsync("key-1")); // not even twice by the same instance
        Assert.Equal("a#" + first, await b.HolderAsync("key-1"));
        Assert.NotNull(await b.TryAcquireAsync("key-2")); // keys are independent

        await a.ReleaseAsync("key-1", first.Value);
        var second = await b.TryAcquireAsync("key-1");
        Assert.True(second > first, $"fence {second} after {first}");
    }

    [Fact]
    public async Task AStaleHolderCanNeitherRenewNorReleaseTheNewHolding()
    {
        var a = Lease("a", TimeSpan.FromSeconds(1));
        var b = Lease("b", TimeSpan.FromSeconds(30)); // long, so b's holding outlives the checks on a busy machine
        var old = (await a.TryAcquireAsync("key"))!.Value;
        Assert.True(await a.RenewAsync("key", old));

        // a stalls past its expiry; b takes the key.
        await Eventually.TrueAsync(() => b.TryAcquireAsync("key").Result is not null, TimeSpan.FromSeconds(5), "the lease never expired");

        Assert.False(await a.RenewAsync("key", old));
        await a.ReleaseAsync("key", old);
        Assert.StartsWith("b#", await b.HolderAsync("key"));
    }

    /// <summary>
    /// Judged by Redis's own clock, not the test's: the holder renews whenever the key's remaining time (PTTL) has
    /// fallen a fifth below the expiry (as UpstreamHolding renews every fifth of it), so a renewal can only come too
    /// late if this process stalls for four fifths of the expiry. "Outlives" means Redis still holds the same holding
    /// after more than one expiry has passed since it was taken; "does not" means Redis itself drops it once the
    /// renewals stop (a bounded wait), having counted its remaining time down without anyone extending it.
    /// </summary>
    [Fact]
    public async Task ARenewedLeaseOutlivesItsExpiryAndAnUnrenewedOneDoesNot()
    {
        var expiry = TimeSpan.FromSeconds(3);
        var a = Lease("a", expiry);
        var fence = (await a.TryAcquireAsync("key"))!.Value;
        var holding = await a.HolderAsync("key");
        var taken = await RedisNowAsync();
        var renewals = 0;
        while (await RedisNowAsync() - taken < expiry * 1.5)
        {
            var left = await RemainingAsync("key");
            Assert.True(left > TimeSpan.Zero, $"the holding expired after {renewals} renewals ({left})");
            if (left < expiry * 0.8)
            {
                Assert.True(await a.RenewAsync("key", fence), $"renewal {renewals} failed with {left.TotalMilliseconds:0} ms left");
                Assert.True(await RemainingAsync("key") > left, "a renewal did not extend the holding");
                renewals++;
            }

            await Task.Delay(50);
        }

        Assert.Equal(holding, await a.HolderAsync("key"));
        Assert.True(renewals >= 2, $"only {renewals} renewals");

        // No more renewals: Redis drops the holding by itself (nobody releases it).
        await Eventually.TrueAsync(() => a.HolderAsync("key").Result is null, expiry + TimeSpan.FromSeconds(20), "the unrenewed holding never expired");
    }

    /// <summary>The key's remaining time as Redis counts it (PTTL); negative when it is gone.</summary>
    private async Task<TimeSpan> RemainingAsync(string keyId) =>
        TimeSpan.FromMilliseconds((long)await redis.GetDatabase().ExecuteAsync("PTTL", prefix + ":lease:" + keyId));

    /// <summary>Redis's clock (TIME), the one the expiry runs on.</summary>
    private async Task<TimeSpan> RedisNowAsync()
    {
        var time = (RedisResult[])(await redis.GetDatabase().ExecuteAsync("TIME"))!;
        return TimeSpan.FromSeconds((long)time[0]) + TimeSpan.FromMicroseconds((long)time[1]);
    }

    private RedisKeyLease Lease(string instance, TimeSpan? expiry = null) =>
        new(redis, new ScaleOutOptions { Redis = ScaleOutServices.Redis, Prefix = prefix, InstanceId = instance, LeaseExpiry = expiry ?? TimeSpan.FromSeconds(5) });
}
