using System.Text.Json.Nodes;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Broker;

/// <summary>
/// The rules of the broker session boundary, on the real host against the embedded simulator: orders
/// have one way in, an app key is never silently shared between members, and the order gateway keeps a
/// member's session (and its fills) alive with no page open.
/// </summary>
public sealed class BrokerBoundaryTests(BrokerHost host) : IClassFixture<BrokerHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static TheoryData<string> OrderTrs() => [.. KiwoomApis.All.Where(a => a.Kind == ApiKind.Order).Select(a => a.Id)];

    public static TheoryData<string> WebSocketTrs() => [.. KiwoomApis.All.Where(a => a.Kind == ApiKind.Realtime).Select(a => a.Id)];

    public static TheoryData<string> TokenTrs() => [.. KiwoomApis.All.Where(a => a.Kind == ApiKind.Auth).Select(a => a.Id)];

    [Fact]
    public void TheOrderTrsOfTheRegistryAreExactlyTheTwelveOrderTrs()
    {
        string[] expected = ["kt10000", "kt10001", "kt10002", "kt10003", "kt10006", "kt10007", "kt10008", "kt10009", "kt50000", "kt50001", "kt50002", "kt50003"];
        Assert.Equal(expected, KiwoomApis.All.Where(a => a.Kind == ApiKind.Order).Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OrderTrs))]
    public async Task EveryOrderTrIsRefusedByEveryQueryPathBeforeAnythingIsSent(string apiId)
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);
        var queries = lease.Session.Queries;
        var api = KiwoomApis.Find(apiId)!;
        var typed = (IKiwoomRequest)Activator.CreateInstance(api.RequestType)!;

        // The session's own start-up (token, socket) counts as requests too: let it finish first.
        await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Connected, Wait);
        var requestsBefore = host.Simulator.Stats().Requests;

        var raw = await queries.QueryRawAsync(apiId, "{}"u8.ToArray());
        var single = await SendTypedAsync(queries, typed);

        Assert.Equal(BrokerRefusals.OrderPathCode, raw.Error?.DetailCode);
        Assert.Equal(BrokerRefusals.OrderPathCode, single?.DetailCode);
        Assert.Equal(requestsBefore, host.Simulator.Stats().Requests);
    }

    [Theory]
    [MemberData(nameof(TokenTrs))]
    public async Task TokenTrsAreRefusedByTheQueryPath(string apiId)
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);

        var raw = await lease.Session.Queries.QueryRawAsync(apiId, "{}"u8.ToArray());

        Assert.Equal(BrokerRefusals.TokenPathCode, raw.Error?.DetailCode);
    }

    [Theory]
    [MemberData(nameof(WebSocketTrs))]
    public async Task WebSocketTrsAreAnsweredWithARefusalNotAnException(string apiId)
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);

        var raw = await lease.Session.Queries.QueryRawAsync(apiId, "{}"u8.ToArray());

        Assert.Equal(BrokerRefusals.WebSocketPathCode, raw.Error?.DetailCode);
    }

    [Fact]
    public async Task AQueryTrStillGoesThroughTheQueryPath()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);

        var answer = await lease.Session.Queries.QueryAsync(new Ka10001Request { StockCode = "005930" });

        Assert.True(answer.IsSuccess, answer.Error?.Message);
    }

    [Fact]
    public async Task TheOrderGatewaySendsAnOrderTrAndRefusesAQuery()
    {
        var (owner, connection) = await host.NewMemberAsync();
        var gateway = host.Factory.Services.GetRequiredService<IOrderGateway>();
        var opened = await gateway.OpenAsync(owner, connection);
        await using var channel = Assert.IsType<IOrderChannel>(opened.Channel, exactMatch: false);

        var buy = await channel.SendOrderAsync(new Kt10000Request { Exchange = "KRX", StockCode = "005930", OrderQuantity = "1", TradeType = "3" });

        Assert.True(buy.IsSuccess, buy.Error?.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendOrderAsync(new Ka10001Request { StockCode = "005930" }));
    }

    [Fact]
    public async Task AnotherMembersConnectionWithTheSameAppKeyButAnotherSecretIsRefused()
    {
        var appKey = "SHARED" + Guid.NewGuid().ToString("N");
        var (first, firstConnection) = await MemberWithKeyAsync(appKey, "secret-of-the-owner");
        var (second, secondConnection) = await MemberWithKeyAsync(appKey, "a-guessed-secret");
        await using var owner = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(first, firstConnection)).Lease);

        var intruder = await host.Registry.OpenAsync(second, secondConnection);
        var viaGateway = await host.Factory.Services.GetRequiredService<IOrderGateway>().OpenAsync(second, secondConnection);

        Assert.Null(intruder.Lease);
        Assert.Equal(BrokerLinkState.Failed, intruder.Failure);
        Assert.Equal(BrokerRefusals.KeyConflict, intruder.Message);
        Assert.Null(viaGateway.Channel);
        Assert.Equal(BrokerRefusals.KeyConflict, viaGateway.Message);
    }

    [Fact]
    public async Task AnotherMembersConnectionWithTheSameAppKeyAndSecretSharesTheOneSession()
    {
        var appKey = "SHARED" + Guid.NewGuid().ToString("N");
        var (first, firstConnection) = await MemberWithKeyAsync(appKey, "the-same-secret");
        var (second, secondConnection) = await MemberWithKeyAsync(appKey, "the-same-secret");

        await using var a = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(first, firstConnection)).Lease);
        await using var b = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(second, secondConnection)).Lease);

        Assert.Same(a.Session, b.Session);
    }

    [Fact]
    public async Task AnOrderChannelKeepsTheSessionAndItsFillsAliveWithNoPageOpen()
    {
        await host.QuiesceAsync();
        var (owner, connection) = await host.NewMemberAsync();
        var opened = await host.Factory.Services.GetRequiredService<IOrderGateway>().OpenAsync(owner, connection);
        await using var channel = Assert.IsType<IOrderChannel>(opened.Channel, exactMatch: false);
        var subscribed = await channel.SubscribeOrderEventsAsync();
        Assert.True(subscribed.IsSuccess, subscribed.Error?.Message);
        await using var fills = subscribed.Value!;

        // A page comes and goes; the session must outlive its grace period because the order service holds it.
        var page = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);
        var session = page.Session;
        await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, Wait);
        await page.DisposeAsync();

        // Nothing to wait on for "did not close": give it three grace periods on the host's real clock.
        await Task.Delay(BrokerHost.GracePeriod * 3);
        Assert.Same(session, host.Registry.Find(session.KeyId));

        var buy = await channel.SendOrderAsync(new Kt10000Request { Exchange = "KRX", StockCode = "005930", OrderQuantity = "1", TradeType = "3" });
        Assert.True(buy.IsSuccess, buy.Error?.Message);
        using var timeout = new CancellationTokenSource(Wait);
        var first = await fills.Events.ReadAsync(timeout.Token);
        Assert.Equal("005930", first.Code);
    }

    [Fact]
    public async Task OnlyQuoteFeedsMakeSilenceCountAsStale()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);
        var session = lease.Session;

        // A portfolio or blotter alone listens to fills and balances, which are quiet for hours.
        await using var fills = (await session.Feeds.SubscribeEventsAsync(RealtimeTypes.OrderExecution, string.Empty, e => e)).Value!;
        Assert.False(session.Status.Subscribed);

        await using var quotes = (await session.Feeds.SubscribeQuotesAsync(["005930"])).Value!;
        Assert.True(session.Status.Subscribed);

        await quotes.DisposeAsync();
        Assert.False(session.Status.Subscribed);
    }

    private static async Task<KiwoomError?> SendTypedAsync(IBrokerQueries queries, IKiwoomRequest request)
    {
        // QueryAsync is generic over the response type; call it through the request's own interface.
        var responseType = request.Api.ResponseType;
        var method = typeof(IBrokerQueries).GetMethod(nameof(IBrokerQueries.QueryAsync))!.MakeGenericMethod(responseType);
        var task = (Task?)method.Invoke(queries, [request, CancellationToken.None]) ?? throw new InvalidOperationException("QueryAsync returned no task.");
        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        return (KiwoomError?)result.GetType().GetProperty("Error")!.GetValue(result);
    }

    private async Task<(string OwnerId, Guid ConnectionId)> MemberWithKeyAsync(string appKey, string secret)
    {
        var id = await TestMembers.CreateAsync(host.Factory.Services, $"key{Guid.NewGuid():N}@team.test", DashboardRoles.Trader);
        var member = await TestMembers.PrincipalAsync(host.Factory.Services, id);
        var connections = host.Factory.Services.GetRequiredService<ConnectionService>();
        var saved = await connections.AddAsync(member, new ConnectionInput
        {
            Label = "Shared key",
            Environment = KiwoomEnvironment.Simulator,
            AppKey = appKey,
            SecretKey = secret,
        });
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        return (id, Assert.Single(await connections.ListAsync(member)).Id);
    }
}
