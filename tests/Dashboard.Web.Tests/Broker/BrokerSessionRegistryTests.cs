using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Connections;
using Dashboard.Web.Tests.Market;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit.Abstractions;

namespace Dashboard.Web.Tests.Broker;

/// <summary>The session registry in the real host against the embedded simulator over real sockets on loopback.</summary>
public sealed class BrokerSessionRegistryTests(BrokerHost host, ITestOutputHelper output) : IClassFixture<BrokerHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ThreeCircuitsShareOneSessionAndOneUpstreamLogin()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        var socketsBefore = host.Metrics.SocketsOpened;
        var meters = host.Factory.Services.GetRequiredService<IMeterFactory>();
        using var ticks = new MetricCollector<long>(meters, BrokerMetrics.MeterName, "dashboard.broker.ticks");
        using var sessionGauge = new MetricCollector<long>(meters, BrokerMetrics.MeterName, "dashboard.broker.sessions");

        var leases = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.Registry.OpenAsync(owner, connection)));
        try
        {
            var sessions = leases.Select(l => Assert.IsType<BrokerLease>(l.Lease).Session).Distinct().ToList();
            var session = Assert.Single(sessions);
            Assert.Equal(1, host.Registry.Count);
            await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, Wait);

            var feeds = new List<LiveFeed<Quote>>();
            foreach (var _ in leases)
            {
                var feed = await session.Feeds.SubscribeQuotesAsync(["005930", "000660"]);
                Assert.True(feed.IsSuccess, feed.Error?.Message);
                feeds.Add(feed.Value);
            }

            Assert.Equal(2, session.RegistrationCount);
            Assert.Equal(1, host.Simulator.Stats().Sockets);
            Assert.Equal(1, host.Metrics.SocketsOpened - socketsBefore);
            foreach (var feed in feeds)
            {
                var batch = await FirstBatchAsync(feed);
                Assert.All(batch, q => Assert.Contains(q.Code, new[] { "005930", "000660" }));
                await feed.DisposeAsync();
            }

            Assert.Equal(0, session.RegistrationCount);
            Assert.Contains(ticks.GetMeasurementSnapshot(), m => m.Tags["type"] as string == "0B");
            Assert.Equal(1, sessionGauge.GetMeasurementSnapshot().Sum(m => m.Value));
        }
        finally
        {
            foreach (var opened in leases)
            {
                await opened.Lease!.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task LastCircuitLeavingClosesTheSocketAfterTheGracePeriod()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        var first = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        var second = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        var session = first.Session;
        await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, Wait);

        await first.DisposeAsync();
        await second.DisposeAsync();
        var left = Stopwatch.StartNew();
        Assert.Equal(1, host.Registry.Count);
        Assert.Equal(1, host.Simulator.Stats().Sockets);

        await Eventually.TrueAsync(() => host.Registry.Count == 0 && host.Simulator.Stats().Sockets == 0, Wait);
        Assert.True(left.Elapsed >= BrokerHost.GracePeriod - TimeSpan.FromMilliseconds(50), $"Closed after {left.ElapsedMilliseconds} ms, before the grace period.");

        // On demand it comes back: a new session and a new login.
        await using var again = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        Assert.NotSame(session, again.Session);
        await Eventually.TrueAsync(() => again.Session.Status.State == BrokerLinkState.Connected, Wait);
        Assert.Equal(1, host.Simulator.Stats().Sockets);
    }

    [Fact]
    public async Task CircuitReturningWithinTheGracePeriodKeepsTheSameSocket()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        var first = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        var session = first.Session;
        await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, Wait);
        var socketsBefore = host.Metrics.SocketsOpened;

        await first.DisposeAsync();
        await using var back = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        await Task.Delay(BrokerHost.GracePeriod * 2);

        Assert.Same(session, back.Session);
        Assert.Equal(BrokerLinkState.Connected, back.Session.Status.State);
        Assert.Equal(socketsBefore, host.Metrics.SocketsOpened);
    }

    [Fact]
    public async Task SecondLoginOfTheSameKeyIsShownAsReplaced()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Connected, Wait);

        // The same app key logs in from somewhere else (another program of the member).
        var credential = (await host.Factory.Services.GetRequiredService<ConnectionService>().UnlockForOwnerAsync(owner, connection)).Credential!;
        await using (var elsewhere = new KiwoomRealtimeClient(credential, host.Factory.Services.GetRequiredService<IKiwoomTokenSource>()))
        {
            Assert.True((await elsewhere.ConnectAsync()).IsSuccess);
            await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Replaced, Wait);
        }

        var status = lease.Session.Status;
        Assert.Equal("R10001", status.Code);
        await using var ui = MarketTestContext.Create();
        var chip = ui.Render<ConnectionChipView>(p => p.Add(c => c.Status, status).Add(c => c.Now, DateTimeOffset.UtcNow));
        Assert.Equal("replaced", chip.Find(".connection-chip").GetAttribute("data-state"));
    }

    [Fact]
    public async Task AfterADroppedSocketTheSessionReRegistersAndQuotesFlowAgain()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        var session = lease.Session;
        var states = new List<BrokerLinkState>();
        session.StatusChanged += s => { lock (states) { states.Add(s.State); } };
        await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, Wait);
        var subscribed = await session.Feeds.SubscribeQuotesAsync(MarketDefaults.Stocks);
        Assert.True(subscribed.IsSuccess, subscribed.Error?.ToString());
        await using var feed = subscribed.Value;
        await FirstBatchAsync(feed);

        var dropped = DateTimeOffset.UtcNow;
        var droppedSockets = host.Simulator.DropSockets();

        string seen;
        lock (states)
        {
            // The message is built whether or not the assertion fails, while the session may still be reporting states.
            seen = string.Join(", ", states);
        }

        Assert.True(droppedSockets == 1, $"Dropped {droppedSockets} sockets; states so far: {seen}.");
        await Eventually.TrueAsync(() => { lock (states) { return states.Contains(BrokerLinkState.Reconnecting) && states[^1] == BrokerLinkState.Connected; } }, Wait);

        // Re-registered: ticks stamped after the reconnect arrive on the same feed.
        var deadline = DateTime.UtcNow + Wait;
        var fresh = false;
        while (!fresh && DateTime.UtcNow < deadline)
        {
            fresh = (await FirstBatchAsync(feed)).Any(q => !q.FromSnapshot && q.ReceivedAt > dropped);
        }

        Assert.True(fresh, "No live tick after the reconnect.");
        output.WriteLine($"First live tick {(DateTimeOffset.UtcNow - dropped).TotalMilliseconds:0} ms after the socket was dropped (upper bound: measured when the batch was read).");
        Assert.Equal(MarketDefaults.Stocks.Count, session.RegistrationCount);
        await Eventually.TrueAsync(() => host.Factory.Logs.GetSnapshot().Any(r => r.Id.Id == 4104), Wait, "The session did not re-read quotes after the reconnect.");
    }

    [Fact]
    public async Task SnapshotsSearchAndBasicsComeFromTheSimulator()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        var session = lease.Session;

        var quotes = await session.Market.GetQuotesAsync(MarketDefaults.Stocks);
        Assert.True(quotes.IsSuccess, quotes.Error?.Message);
        Assert.Equal(MarketDefaults.Stocks.Order(), quotes.Value.Select(q => q.Code).Order());
        Assert.All(quotes.Value, q => Assert.True(q.Price > 0 && !string.IsNullOrEmpty(q.Name)));

        var basics = await session.Market.GetBasicsAsync("005930");
        Assert.True(basics.IsSuccess, basics.Error?.Message);
        Assert.Equal("삼성전자", basics.Value.Name);
        Assert.True(basics.Value.Price > 0);

        var kospi = await session.Market.GetIndexAsync("001");
        Assert.True(kospi.IsSuccess, kospi.Error?.Message);
        Assert.True(kospi.Value.Value > 0);

        var byName = await session.Market.SearchAsync("삼성", 20);
        Assert.True(byName.IsSuccess, byName.Error?.Message);
        Assert.Contains(byName.Value, s => s.Code == "005930");
        var byCode = await session.Market.SearchAsync("00066", 20);
        Assert.Contains(byCode.Value!, s => s.Code == "000660");
    }

    [Fact]
    public async Task HealthReportsSessionsAndTheSimulator()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = Wait };

        var response = await http.GetAsync("healthz/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"sessions\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"simulator\":{\"status\":\"Healthy\"", body);
        Assert.Matches("\"description\":\"[1-9][0-9]* sessions\"", body);
    }

    [Fact]
    public async Task MemberWithoutAConnectionGetsNoSession()
    {
        var (owner, _) = await host.NewMemberAsync();

        var opened = await host.Registry.OpenAsync(owner, Guid.NewGuid());

        Assert.Null(opened.Lease);
        Assert.Equal(BrokerLinkState.NoConnection, opened.Failure);
    }

    private static async Task<IReadOnlyList<Quote>> FirstBatchAsync(LiveFeed<Quote> feed)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await using var batches = feed.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await batches.MoveNextAsync(), "The feed ended without a quote.");
        return batches.Current;
    }
}
