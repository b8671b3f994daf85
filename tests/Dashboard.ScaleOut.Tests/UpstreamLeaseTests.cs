using System.Diagnostics;
using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker;
using Xunit.Abstractions;
using static Dashboard.ScaleOut.Tests.RelayedFeeds;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// The per-app-key lease across two real instances: one upstream socket per key, live ticks reaching sessions on
/// both instances, and the lease (with the socket) moving to the other instance within seconds when the holder stops.
/// </summary>
public sealed class UpstreamLeaseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = RelayedFeeds.Wait;
    private static readonly string[] Codes = ["005930", "000660"];
    private LeasedInstances instances = null!;

    public async Task InitializeAsync() => instances = await LeasedInstances.StartAsync();

    public async Task DisposeAsync() => await instances.DisposeAsync();

    [Fact]
    public async Task OneUpstreamSocketPerKeyWhileTicksReachSessionsOnBothInstances()
    {
        var (owner, connection) = await instances.NewMemberAsync("two-places@team.test");
        var opened = SocketsOpenedOnBoth();

        // The member's desktop lands on one instance, their phone on the other.
        await using var onOther = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => onOther.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder's session never connected");
        await using var onSim = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;

        Assert.Equal(onOther.Shared.KeyId, onSim.Shared.KeyId);
        Assert.False(LeasedInstances.Registry(instances.Other).IsRemote(onOther.Shared.KeyId));
        Assert.True(LeasedInstances.Registry(instances.Simulating).IsRemote(onSim.Shared.KeyId), "the second instance opened its own upstream");

        await using var feedOnOther = (await onOther.Shared.Feeds.SubscribeQuotesAsync(Codes)).Value!;
        await using var feedOnSim = (await onSim.Shared.Feeds.SubscribeQuotesAsync(Codes)).Value!;
        Assert.NotEmpty(await FirstBatchAsync(feedOnOther));
        var relayed = await FirstBatchAsync(feedOnSim);
        Assert.All(relayed, q => Assert.Contains(q.Code, Codes));

        Assert.Equal(1, instances.Simulator.Stats().Sockets);
        Assert.Equal(1, SocketsOpenedOnBoth() - opened);
        Assert.Equal(BrokerLinkState.Connected, onOther.Shared.Status.State); // never replaced by a second login
        Assert.Equal(BrokerLinkState.Connected, onSim.Shared.Status.State);
    }

    [Fact]
    public async Task TheLeaseAndTheSocketMoveToTheOtherInstanceWithinSecondsWhenTheHolderStops()
    {
        var (owner, connection) = await instances.NewMemberAsync("takeover@team.test");
        var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait);
        var keyId = holder.Shared.KeyId;
        await using var onSim = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        await using var feed = (await onSim.Shared.Feeds.SubscribeQuotesAsync(Codes)).Value!;
        Assert.NotEmpty(await FirstBatchAsync(feed));
        var router = LeasedInstances.Router(instances.Simulating);
        Assert.DoesNotContain(keyId, router.HeldKeys);

        var stopped = Stopwatch.StartNew();
        await instances.StopOtherAsync();
        await Eventually.TrueAsync(() => router.HeldKeys.Contains(keyId), TimeSpan.FromSeconds(10), "the lease never moved to the remaining instance");
        var moved = stopped.Elapsed;
        output.WriteLine($"lease moved {moved.TotalMilliseconds:0} ms after the holder began to stop");

        // The same feed goes on, now from this instance's own socket through Redis.
        await DrainAsync(feed);
        Assert.NotEmpty(await FirstBatchAsync(feed));
        await Eventually.TrueAsync(() => instances.Simulator.Stats().Sockets == 1, Wait, "the new holder did not open exactly one socket");
        await Eventually.TrueAsync(() => onSim.Shared.Status.State == BrokerLinkState.Connected, Wait);
        Assert.True(moved < TimeSpan.FromSeconds(10), $"took {moved}");
    }

    private long SocketsOpenedOnBoth() =>
        LeasedInstances.SocketsOpened(instances.Other) + LeasedInstances.SocketsOpened(instances.Simulating);
}
