using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using Dashboard.Web.Broker.TeamQuotes;
using Dashboard.Web.Connections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Broker.TeamQuotes;

/// <summary>The shared team quote feed in the real host, members' sessions on real sockets to the embedded simulator.</summary>
public sealed class TeamQuoteSourcesTests(SharedQuotesHost host) : IClassFixture<SharedQuotesHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TwoMembersWatchingOneSymbolCauseOneUpstreamRegistration()
    {
        await host.QuiesceAsync();
        await using var a = await OpenConnectedAsync();
        await using var b = await OpenConnectedAsync();

        await using var feedA = await SubscribeAsync(a.Session, "005930");
        await using var feedB = await SubscribeAsync(b.Session, "005930");

        Assert.Equal(1, a.Session.RegistrationCount + b.Session.RegistrationCount);
        Assert.Equal(2, host.Simulator.Stats().Sockets);
        Assert.Contains(await FirstBatchAsync(feedA), q => q.Code == "005930");
        Assert.Contains(await FirstBatchAsync(feedB), q => q.Code == "005930");

        // Either member leaving keeps the other's registration; the last one gives it back (REMOVE).
        await feedA.DisposeAsync();
        Assert.Equal(1, a.Session.RegistrationCount + b.Session.RegistrationCount);
        await feedB.DisposeAsync();
        Assert.Equal(0, a.Session.RegistrationCount + b.Session.RegistrationCount);
    }

    [Fact]
    public async Task SourceClosingMovesTheRegistrationToAnotherMemberAndTicksContinue()
    {
        await host.QuiesceAsync();
        var a = await OpenConnectedAsync();
        await using var b = await OpenConnectedAsync();
        var source = a.Session;
        var feedA = await SubscribeAsync(source, "000660");
        await using var feedB = await SubscribeAsync(b.Session, "000660");
        Assert.Same(source, host.Sources.SourceOf(source.TeamMarket!.Value));
        Assert.Equal(1, source.RegistrationCount);
        Assert.Equal(0, b.Session.RegistrationCount);

        // A's member closes their last page: B's page must not keep A's session open.
        await feedA.DisposeAsync();
        await a.DisposeAsync();
        await Eventually.TrueAsync(() => host.Registry.Find(source.KeyId) is null, Wait, "The source session was kept open by another member's feed.");
        var closed = DateTimeOffset.UtcNow;

        Assert.Equal(1, b.Session.RegistrationCount);
        Assert.Same(b.Session, host.Sources.SourceOf(b.Session.TeamMarket!.Value));
        var fresh = false;
        var deadline = DateTime.UtcNow + Wait;
        while (!fresh && DateTime.UtcNow < deadline)
        {
            fresh = (await FirstBatchAsync(feedB)).Any(q => q.Code == "000660" && !q.FromSnapshot && q.ReceivedAt > closed);
        }

        Assert.True(fresh, "No live tick on the same feed after the source closed.");
    }

    [Fact]
    public async Task SourceSocketDroppingMovesTheRegistrationToALiveMemberAndTicksContinue()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        await using var a = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => a.Session.Status.State == BrokerLinkState.Connected, Wait);
        await using var b = await OpenConnectedAsync();
        var source = a.Session;
        await using var feedA = await SubscribeAsync(source, "035720");
        await using var feedB = await SubscribeAsync(b.Session, "035720");
        Assert.Same(source, host.Sources.SourceOf(source.TeamMarket!.Value));
        var sourceKey = (await host.Factory.Services.GetRequiredService<ConnectionService>().UnlockForOwnerAsync(owner, connection)).Credential!.AppKey;

        // Every socket drops. The source's token expired and its REST calls answer 429, so it is slower back than B,
        // which reconnects on its still valid token. The session stays open: only its socket is gone, so nothing but
        // the drop can move the registration. It may still come back soon after the move: the forced 429 covers the
        // TRs, not the token call (au10001), so it can fetch a new token. Clean-clone runs twice saw it connected
        // again by the time the move was seen, so what is checked is that its socket was dropped (the simulator counts
        // both), not that it stays down. Its status events are no proof either: they come on its own thread, and one
        // clean-clone run saw the move before any of them.
        try
        {
            host.Simulator.ForceRateLimit(true);
            host.Simulator.ExpireTokens(sourceKey);
            Assert.Equal(2, host.Simulator.DropSockets());
            await Eventually.TrueAsync(() => b.Session.Status.State == BrokerLinkState.Connected && host.Sources.SourceOf(b.Session.TeamMarket!.Value) == b.Session, Wait,
                "The registration did not move off the dropped source.");
            var moved = DateTimeOffset.UtcNow;
            Assert.Same(source, host.Registry.Find(source.KeyId));
            Assert.Equal(1, b.Session.RegistrationCount);

            var fresh = false;
            var deadline = DateTime.UtcNow + Wait;
            while (!fresh && DateTime.UtcNow < deadline)
            {
                fresh = (await FirstBatchAsync(feedB)).Any(q => q.Code == "035720" && !q.FromSnapshot && q.ReceivedAt > moved);
            }

            Assert.True(fresh, "No live tick on the same feed after the source's socket dropped.");
        }
        finally
        {
            host.Simulator.ForceRateLimit(false);
        }
    }

    [Fact]
    public async Task AFailedMoveEndsTheFeedWithTheReasonInsteadOfLeavingItSilent()
    {
        // Three offline sessions of one Kiwoom mock market (no token is ever issued, no socket opens): A is the
        // source, C's member reads the feed, and B, next in line, can no longer subscribe (its client is gone).
        await using var a = OfflineSession("A");
        var bClient = OfflineClient("B");
        var b = OfflineSession("B", bClient);
        await using var c = OfflineSession("C");
        await using var feed = await SubscribeAsync(c, "068270");
        Assert.Same(a, host.Sources.SourceOf(c.TeamMarket!.Value));
        await bClient.DisposeAsync();

        await a.DisposeAsync();

        using var timeout = new CancellationTokenSource(Wait);
        var ended = await Assert.ThrowsAsync<FeedInterruptedException>(async () =>
        {
            await foreach (var _ in feed.ReadAllAsync(timeout.Token))
            {
            }
        });
        Assert.Contains("068270", ended.Message, StringComparison.Ordinal);
        Assert.Contains("could not move", ended.Message, StringComparison.Ordinal);
        await b.DisposeAsync();
    }

    [Fact]
    public async Task FillsBalancesAndViStayOnEachMembersOwnSocket()
    {
        await host.QuiesceAsync();
        await using var a = await OpenConnectedAsync();
        await using var b = await OpenConnectedAsync();

        foreach (var lease in new[] { a, b })
        {
            var fills = await lease.Session.Feeds.SubscribeEventsAsync(RealtimeTypes.OrderExecution, "", e => e);
            Assert.True(fills.IsSuccess, fills.Error?.Message);
            var vi = await lease.Session.Feeds.SubscribeViAsync();
            Assert.True(vi.IsSuccess, vi.Error?.Message);
            var book = await lease.Session.Feeds.SubscribeLiveAsync(RealtimeTypes.OrderBook, ["005930"], BookQuote.From);
            Assert.True(book.IsSuccess, book.Error?.Message);
        }

        // Each member: own 00 and 1h; the one 0D book of 005930 on one of them.
        Assert.Equal(5, a.Session.RegistrationCount + b.Session.RegistrationCount);
        Assert.InRange(a.Session.RegistrationCount, 2, 3);
        Assert.InRange(b.Session.RegistrationCount, 2, 3);
    }

    [Fact]
    public async Task DifferentEnvironmentsNeverShare()
    {
        await host.QuiesceAsync();
        await using var a = await OpenConnectedAsync();

        // A Kiwoom mock-investing session whose socket can never open: no token is issued and the connect
        // delegate refuses, so nothing leaves this machine; its registrations are still counted locally.
        var mockKeys = new KiwoomCredential("MOCKKEY-TEAMQUOTES", "MOCKSECRET-TEAMQUOTES", KiwoomEnvironment.Mock);
        var connects = 0;
        var services = host.Factory.Services;
        var offline = new KiwoomRealtimeClient(mockKeys, new NoTokens(), connect: (_, _) =>
        {
            Interlocked.Increment(ref connects);
            throw new System.Net.WebSockets.WebSocketException("Tests never open a socket to Kiwoom.");
        });
        await using var mock = new BrokerSession(
            mockKeys,
            services.GetRequiredService<KiwoomRestClient>(),
            offline,
            services.GetRequiredService<IOptions<BrokerOptions>>().Value,
            services.GetRequiredService<BrokerMetrics>(),
            TimeProvider.System,
            NullLogger.Instance,
            host.Sources);

        await using var simulated = await SubscribeAsync(a.Session, "035420");
        await using var mocked = await SubscribeAsync(mock, "035420");

        Assert.Equal(1, a.Session.RegistrationCount);
        Assert.Equal(1, mock.RegistrationCount);
        Assert.Same(mock, host.Sources.SourceOf(mock.TeamMarket!.Value));
        Assert.NotEqual(a.Session.TeamMarket, mock.TeamMarket);
        Assert.Equal(0, connects);
    }

    [Fact]
    public void TheMarketKeyHoldsTheEnvironmentAndTheAddress()
    {
        var simulator = TeamQuoteMarket.Of(new KiwoomCredential("k", "s", KiwoomEnvironment.Simulator, new Uri("https://127.0.0.1:5001/kiwoom-sim")));
        var otherSimulator = TeamQuoteMarket.Of(new KiwoomCredential("k2", "s2", KiwoomEnvironment.Simulator, new Uri("https://127.0.0.1:5090/")));
        var mock = TeamQuoteMarket.Of(new KiwoomCredential("k", "s", KiwoomEnvironment.Mock));
        var production = TeamQuoteMarket.Of(new KiwoomCredential("k", "s", KiwoomEnvironment.Production));

        Assert.Equal(4, new[] { simulator, otherSimulator, mock, production }.Distinct().Count());

        // A simulator answering at Kiwoom's mock address is still not Kiwoom's mock market.
        var lookalike = TeamQuoteMarket.Of(new KiwoomCredential("k", "s", KiwoomEnvironment.Simulator, new Uri("https://mockapi.kiwoom.com:10000")));
        Assert.Equal(mock.Address, lookalike.Address);
        Assert.NotEqual(mock, lookalike);
        Assert.Equal(simulator, TeamQuoteMarket.Of(new KiwoomCredential("other", "keys", KiwoomEnvironment.Simulator, new Uri("https://127.0.0.1:5001/kiwoom-sim"))));
    }

    private static KiwoomCredential MockKeys(string name) => new($"MOCKKEY-MOVE-{name}", $"MOCKSECRET-MOVE-{name}", KiwoomEnvironment.Mock);

    /// <summary>A realtime client of a mock-market key that never opens a socket: no token is issued and the connect delegate refuses.</summary>
    private static KiwoomRealtimeClient OfflineClient(string name) =>
        new(MockKeys(name), new NoTokens(), connect: (_, _) => throw new System.Net.WebSockets.WebSocketException("Tests never open a socket to Kiwoom."));

    private BrokerSession OfflineSession(string name, KiwoomRealtimeClient? client = null)
    {
        var services = host.Factory.Services;
        return new BrokerSession(
            MockKeys(name),
            services.GetRequiredService<KiwoomRestClient>(),
            client ?? OfflineClient(name),
            services.GetRequiredService<IOptions<BrokerOptions>>().Value,
            services.GetRequiredService<BrokerMetrics>(),
            TimeProvider.System,
            NullLogger.Instance,
            host.Sources);
    }

    private async Task<BrokerLease> OpenConnectedAsync()
    {
        var (owner, connection) = await host.NewMemberAsync();
        var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Connected, Wait);
        return lease;
    }

    private static async Task<LiveFeed<Quote>> SubscribeAsync(IBrokerSession session, string code)
    {
        var feed = await session.Feeds.SubscribeQuotesAsync([code]);
        Assert.True(feed.IsSuccess, feed.Error?.Message);
        return feed.Value;
    }

    private static async Task<IReadOnlyList<Quote>> FirstBatchAsync(LiveFeed<Quote> feed)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await using var batches = feed.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await batches.MoveNextAsync(), "The feed ended without a quote.");
        return batches.Current;
    }

    /// <summary>Issues no token, so a client built on it never gets as far as opening its socket.</summary>
    private sealed class NoTokens : IKiwoomTokenSource
    {
        public ValueTask<KiwoomResult<KiwoomToken>> GetTokenAsync(KiwoomCredential credential, bool forceRefresh = false, CancellationToken ct = default) =>
            ValueTask.FromResult<KiwoomResult<KiwoomToken>>(new KiwoomError(KiwoomErrorKind.Transport, -1, null, "offline in tests"));
    }
}
