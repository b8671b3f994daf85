using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Broker.TeamQuotes;

namespace Dashboard.Web.Tests.Broker.TeamQuotes;

/// <summary>Without <c>Broker:SharedQuotes</c> (the default) every member's quotes stay on their own socket, as before.</summary>
public sealed class TeamQuotesOffTests(BrokerHost host) : IClassFixture<BrokerHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SwitchedOffEachMemberRegistersTheSymbolOnTheirOwnSocket()
    {
        await host.QuiesceAsync();
        var leases = new List<BrokerLease>();
        try
        {
            for (var k = 0; k < 2; k++)
            {
                var (owner, connection) = await host.NewMemberAsync();
                var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
                leases.Add(lease);
                await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Connected, Wait);
                Assert.Null(lease.Session.TeamMarket);
                var feed = await lease.Session.Feeds.SubscribeQuotesAsync(["005930"]);
                Assert.True(feed.IsSuccess, feed.Error?.Message);
            }

            Assert.All(leases, l => Assert.Equal(1, l.Session.RegistrationCount));
        }
        finally
        {
            foreach (var lease in leases)
            {
                await lease.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(RealtimeTypes.OrderExecution)]
    [InlineData(RealtimeTypes.Balance)]
    [InlineData(RealtimeTypes.ViTrigger)]
    [InlineData(RealtimeTypes.SessionNotice)]
    public void PrivateAndLosslessTypesAreNeverShared(string type) => Assert.False(SharedQuoteTypes.IsShareable(type));

    [Theory]
    [InlineData(RealtimeTypes.Trade)]
    [InlineData(RealtimeTypes.SectorIndex)]
    [InlineData(RealtimeTypes.OrderBook)]
    [InlineData(RealtimeTypes.ElwTheoretical)]
    public void PublicQuoteTypesAreShared(string type) => Assert.True(SharedQuoteTypes.IsShareable(type));
}
