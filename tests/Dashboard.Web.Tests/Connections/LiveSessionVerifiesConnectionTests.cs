using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Connections;

/// <summary>
/// The automatic simulator connection stops saying "unverified" once its live session is up: going live
/// proves the keys (token issued, socket LOGIN accepted) as well as the test button does.
/// </summary>
public sealed class LiveSessionVerifiesConnectionTests(BrokerHost host) : IClassFixture<BrokerHost>
{
    [Fact]
    public async Task ConnectionIsMarkedVerifiedWhenItsSessionGoesLive()
    {
        await host.QuiesceAsync();
        var (owner, connectionId) = await host.NewMemberAsync();
        var connections = host.Factory.Services.GetRequiredService<ConnectionService>();
        var member = await TestMembers.PrincipalAsync(host.Factory.Services, owner);
        Assert.Equal(BrokerConnectionStatus.Untested, Assert.Single(await connections.ListAsync(member)).Status);

        var opened = await host.Registry.OpenAsync(owner, connectionId);
        await using var lease = Assert.IsType<BrokerLease>(opened.Lease);
        await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Connected, TimeSpan.FromSeconds(20));

        // The mark is written in the background when the state changes: poll the store, bounded.
        var summary = Assert.Single(await connections.ListAsync(member));
        for (var attempt = 0; attempt < 100 && summary.Status != BrokerConnectionStatus.Verified; attempt++)
        {
            await Task.Delay(100);
            summary = Assert.Single(await connections.ListAsync(member));
        }

        Assert.Equal(BrokerConnectionStatus.Verified, summary.Status);
        Assert.NotNull(summary.LastTestedAt);
        Assert.True((await connections.UnlockForOwnerAsync(owner, connectionId)).Verified);
    }
}
