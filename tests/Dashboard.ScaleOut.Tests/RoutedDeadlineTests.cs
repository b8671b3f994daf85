extern alias simulator;

using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;
using Dashboard.Web.ScaleOut;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// A routed request's deadline when the two machines' wall clocks disagree: instance "other" runs five minutes ahead
/// (more than the route timeout, so a deadline read on the wrong clock is wholly wrong). The asker hands the holder
/// how long it still waits, and the holder counts that on its own clock, so a request is neither dropped as late by a
/// holder whose clock runs ahead nor kept waiting by one whose clock runs behind after its asker gave up.
/// </summary>
public sealed class RoutedDeadlineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RouteTimeout = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Wait = RelayedFeeds.Wait;
    private LeasedInstances instances = null!;

    public async Task InitializeAsync() => instances = await LeasedInstances.StartAsync(
        new Dictionary<string, string?>
        {
            ["ScaleOut:RouteTimeout"] = RouteTimeout.ToString(),
            // A slow budget, so a few queries keep the holder's queue busy for longer than the route timeout.
            ["Kiwoom:Client:QueriesPerSecond"] = "1",
        },
        otherClock: new SkewedClock(Skew));

    public async Task DisposeAsync() => await instances.DisposeAsync();

    /// <summary>
    /// Holder "other" (clock ahead) would have read the non-holder's interest as lapsed five minutes ago (so relayed
    /// nothing to it) and the asker's deadline as five minutes past (so dropped the order).
    /// </summary>
    [Fact]
    public async Task AHolderWhoseClockRunsAheadRelaysTheOtherInstancesQuotesAndSendsItsOrderNotDroppingItAsLate()
    {
        var (owner, connection) = await instances.NewMemberAsync("clock-ahead@team.test");
        await using var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        await using var remote = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        Assert.True(LeasedInstances.Registry(instances.Simulating).IsRemote(remote.Shared.KeyId));
        await using var quotes = (await remote.Shared.Feeds.SubscribeQuotesAsync(["005930"])).Value!;
        Assert.NotEmpty(await RelayedFeeds.FirstBatchAsync(quotes));
        await RelayedFeeds.DrainAsync(quotes);
        Assert.NotEmpty(await RelayedFeeds.FirstBatchAsync(quotes)); // live ticks relayed by the holder, not a snapshot
        var ordersBefore = SimulatorOrders();

        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 1, null, "3");
        var placed = await instances.Simulating.Services.GetRequiredService<IOrderService>()
            .PlaceOrderAsync(await TestMembers.PrincipalAsync(instances.Simulating.Services, owner), ticket);

        output.WriteLine($"{placed.Outcome}: {placed.Order?.Message}");
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
        Assert.DoesNotContain(instances.Other.Logs.GetSnapshot(), r => r.Id.Id == 5322); // "arrived after its asker's deadline"
    }

    /// <summary>
    /// Asker "other" (clock ahead) would have given the holder a deadline five minutes late: its query would wait in the
    /// holder's busy rate budget and go to Kiwoom after the asker had already told its caller "no answer".
    /// </summary>
    [Fact]
    public async Task AQueryRoutedFromAnAskerWhoseClockRunsAheadIsNotKeptWaitingAtTheHolderPastItsDeadline()
    {
        var (owner, connection) = await instances.NewMemberAsync("clock-behind@team.test");
        await using var holder = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        await using var remote = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        Assert.True(LeasedInstances.Registry(instances.Other).IsRemote(remote.Shared.KeyId));

        // The holder's budget (1/s) is busy for about six seconds; the routed query queues behind, past its 4 s wait.
        var busy = Enumerable.Range(0, 6).Select(_ => holder.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "005930" })).ToList();
        var answer = await remote.Shared.Queries.QueryRawAsync("ka10081", """{"stk_cd":"005930","base_dt":"20250102","upd_stkpc_tp":"1"}"""u8.ToArray());
        output.WriteLine($"routed answer: {answer.Error}");
        Assert.False(answer.IsSuccess);
        Assert.Equal(RouteCodes.NotSent, answer.Error!.DetailCode); // the holder let go at the deadline and said so in time

        // A query queued after the asker gave up: once it is answered, everything queued before it has had its turn.
        await Task.WhenAll(busy);
        Assert.True((await holder.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "000660" })).IsSuccess);
        Assert.Equal(0, KiwoomRequests(instances.Simulating, "/api/dostk/chart"));
    }

    private int SimulatorOrders() =>
        instances.Simulating.Services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);

    /// <summary>REST requests to this path that this instance's own HTTP client sent.</summary>
    private static int KiwoomRequests(KestrelDashboardFactory host, string path) =>
        host.Logs.GetSnapshot().Count(r =>
            r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true
            && r.Category.EndsWith("LogicalHandler", StringComparison.Ordinal)
            && r.Message.StartsWith("Start processing HTTP request", StringComparison.Ordinal)
            && r.Message.Contains(path, StringComparison.Ordinal));
}
