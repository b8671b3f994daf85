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

    [Fact]
    public async Task ARenewedLeaseOutlivesItsExpiryAndAnUnrenewedOneDoesNot()
    {
        var a = Lease("a", TimeSpan.FromSeconds(1));
        var fence = (await a.TryAcquireAsync("key"))!.Value;
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(300);
            Assert.True(await a.RenewAsync("key", fence), $"renewal {i} failed");
        }

        Assert.NotNull(await a.HolderAsync("key"));
        await Task.Delay(1500);
        Assert.Null(await a.HolderAsync("key"));
    }

    private RedisKeyLease Lease(string instance, TimeSpan? expiry = null) =>
        new(redis, new ScaleOutOptions { Redis = ScaleOutServices.Redis, Prefix = prefix, InstanceId = instance, LeaseExpiry = expiry ?? TimeSpan.FromSeconds(5) });
}
