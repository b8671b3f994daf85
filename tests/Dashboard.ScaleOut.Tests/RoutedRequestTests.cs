extern alias simulator;

using System.Diagnostics;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Market;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;
using Dashboard.Web.ScaleOut;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Queries and orders of a member on the instance that does not hold their key go through the holder: Kiwoom binds
/// the token and the rate budget to the key (and the caller's address), so only the holder may send them. The witness
/// of who sent what is each host's own HTTP client log (every request to Kiwoom is logged by the instance that sends
/// it); the simulator cannot tell the instances apart by token, because it hands every caller of one key the same live
/// token (TokenStore: one token per key), so its 1700 answers are the witness of one budget.
/// </summary>
public sealed class RoutedRequestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = RelayedFeeds.Wait;
    private LeasedInstances instances = null!;

    public async Task InitializeAsync() => instances = await LeasedInstances.StartAsync();

    public async Task DisposeAsync() => await instances.DisposeAsync();

    [Fact]
    public async Task QueriesOnTheNonHolderAreSentByTheHolderAndShareItsOneRateBudget()
    {
        var (holder, remote) = await OpenOnBothAsync("queries@team.test");
        var sentByHolder = KiwoomRequests(instances.Other);
        var sentByRemote = KiwoomRequests(instances.Simulating);

        // Typed, market snapshot and raw (explorer) queries, decoded on the non-holder as a local session would.
        var basics = await remote.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "005930" });
        Assert.True(basics.IsSuccess, basics.Error?.Message);
        Assert.False(string.IsNullOrWhiteSpace(basics.Value!.StockName));
        var quotes = await remote.Shared.Market.GetQuotesAsync(["005930", "000660"]);
        Assert.True(quotes.IsSuccess, quotes.Error?.Message);
        Assert.Equal(2, quotes.Value!.Count);
        var raw = await remote.Shared.Queries.QueryRawAsync("ka10001", """{"stk_cd":"005930"}"""u8.ToArray());
        Assert.True(raw.IsSuccess && raw.Value!.IsSuccess, raw.Error?.Message ?? raw.Value?.Error?.Message);
        var pages = 0;
        await foreach (var page in remote.Shared.Queries.QueryPagesAsync(new Ka10099Request { MarketType = "0" }, maxPages: 2))
        {
            Assert.True(page.IsSuccess, page.Error?.Message);
            pages++;
        }

        Assert.Equal(2, pages); // the continuation key went to the holder and back
        Assert.Equal(0, KiwoomRequests(instances.Simulating) - sentByRemote);
        Assert.True(KiwoomRequests(instances.Other) - sentByHolder >= 5, "the holder did not send the non-holder's queries");

        // What the hop through Redis costs, printed beside the holder's own (not asserted: this machine is shared).
        // Four each, after the budget's window has passed, so neither waits for it.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        var routedMs = await TimeQueriesAsync(remote.Shared, 4);
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        var localMs = await TimeQueriesAsync(holder.Shared, 4);
        output.WriteLine($"ka10001 median: routed {routedMs:0.0} ms, on the holder {localMs:0.0} ms");

        // Refused before anything leaves, as on a local session.
        var order = await remote.Shared.Queries.QueryRawAsync("kt10000", """{"stk_cd":"005930"}"""u8.ToArray());
        Assert.Equal(BrokerRefusals.OrderPathCode, order.Error?.DetailCode);

        // One budget: 12 queries from each instance at once. Two budgets of 5/s would put up to 10 in a second at the
        // simulator, which answers the excess with 1700 (counted as errors); one budget never does.
        var errorsBefore = instances.Simulator.Stats().Errors;
        var started = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            (i % 2 == 0 ? holder.Shared : remote.Shared).Queries.QueryAsync(new Ka10001Request { StockCode = "005930" })));
        output.WriteLine($"24 queries from two instances in {started.ElapsedMilliseconds} ms; simulator errors {instances.Simulator.Stats().Errors - errorsBefore}");
        Assert.All(answers, a => Assert.True(a.IsSuccess, a.Error?.Message));
        Assert.Equal(0, instances.Simulator.Stats().Errors - errorsBefore);
        Assert.Equal(0, KiwoomRequests(instances.Simulating) - sentByRemote);
    }

    [Fact]
    public async Task AnOrderPlacedOnTheNonHolderIsSentOnceByTheHolderAndItsFillReachesTheNonHoldersFeed()
    {
        var (owner, connection) = await instances.NewMemberAsync("routed-order@team.test");
        var (_, remote) = await OpenOnBothAsync(owner, connection);
        var sentByRemote = KiwoomRequests(instances.Simulating);
        var ordersBefore = SimulatorOrders();
        var fills = (await remote.Shared.Feeds.SubscribeEventsAsync(RealtimeTypes.OrderExecution, string.Empty, OrderExecution.From)).Value!;
        await using var _ = fills;

        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 2, null, "3");
        var placed = await instances.Simulating.Services.GetRequiredService<IOrderService>()
            .PlaceOrderAsync(await TestMembers.PrincipalAsync(instances.Simulating.Services, owner), ticket);

        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
        Assert.Equal(0, KiwoomRequests(instances.Simulating) - sentByRemote);
        Assert.Contains(instances.Other.Logs.GetSnapshot(), r => r.Id.Id == 5326);

        // The fill, which only the holder's socket receives, reaches the feed of a page on the non-holder.
        using var timeout = new CancellationTokenSource(Wait);
        var filled = 0L;
        await foreach (var e in fills.Events.ReadAllAsync(timeout.Token))
        {
            if (e.Status == "체결" && OrderRequests.NormalizeNumber(e.OrderNumber) == placed.Order!.OrderNumber)
            {
                filled += e.UnitFillQuantity ?? e.FillQuantity ?? 0;
                if (filled >= 2)
                {
                    break;
                }
            }
        }

        Assert.Equal(2, filled);
        Assert.Equal(1, SimulatorOrders() - ordersBefore);

        // The holder's guard itself: exactly what the non-holder publishes for one order, delivered twice (a redelivery,
        // a replay), is sent once and answered once.
        var keyId = remote.Shared.KeyId;
        var router = LeasedInstances.Router(instances.Simulating);
        var holding = await router.Lease.HolderAsync(keyId);
        var fence = long.Parse(holding!.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture);
        ordersBefore = SimulatorOrders();
        var body = Dashboard.Kiwoom.Wire.KiwoomJson.Encode(new Kt10000Request { Exchange = "KRX", StockCode = "005930", OrderQuantity = "1", TradeType = "3" });
        var request = new RoutedRequest(
            Guid.NewGuid(), RoutedKind.Order, "kt10000", body, null, router.Options.Channel("replies:test-" + Guid.NewGuid().ToString("N")),
            WaitMs: 30_000);
        await using var redis = await ScaleOutServices.ConnectRedisAsync();
        var replies = await redis.GetSubscriber().SubscribeAsync(StackExchange.Redis.RedisChannel.Literal(request.ReplyTo));
        var channel = StackExchange.Redis.RedisChannel.Literal(RoutedRequestClient.RequestChannel(router.Options, keyId, fence));
        var message = RoutedMessages.Write(request, router.RoutedProtector);
        Assert.Equal(1, await redis.GetSubscriber().PublishAsync(channel, message));
        Assert.Equal(1, await redis.GetSubscriber().PublishAsync(channel, message));

        using var replyWait = new CancellationTokenSource(Wait);
        var reply = RoutedMessages.ReadAnswer((byte[])(await replies.ReadAsync(replyWait.Token)).Message!, router.RoutedProtector);
        Assert.Equal(RoutedStatus.Answered, reply!.Status);
        Assert.Null(reply.Error);
        await Eventually.TrueAsync(() => instances.Other.Logs.GetSnapshot().Any(r => r.Id.Id == 5325), Wait, "the second delivery was never seen");
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
        Assert.False(replies.TryRead(out var second), $"a second reply came: {second.Message}");
    }


    /// <summary>
    /// The holder dies (its Redis connection cut, then the instance gone) while a query it took is still waiting for
    /// Kiwoom. The non-holder's caller gets a clear "no answer" error once the lease passes on, not a hang until the
    /// route timeout, and the next query, after the lease moved here, is answered.
    /// </summary>
    [Fact]
    public async Task AHolderThatDiesMidRequestGivesAClearErrorAndTheNextQueryGoesToTheNewHolder()
    {
        var (holder, remote) = await OpenOnBothAsync("dies@team.test");
        var keyId = holder.Shared.KeyId;
        Assert.True((await remote.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "005930" })).IsSuccess);

        instances.Simulator.SetLatency(TimeSpan.FromSeconds(15));
        var takenBefore = KiwoomRequestsStarted(instances.Other, "stkinfo");
        var asking = remote.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "000660" });
        await Eventually.TrueAsync(() => KiwoomRequestsStarted(instances.Other, "stkinfo") > takenBefore, Wait, "the holder never took the query");

        var killed = Stopwatch.StartNew();
        await LeasedInstances.Router(instances.Other).Redis.CloseAsync(allowCommandsToComplete: false);

        // The dead holder can no longer answer (its Redis is gone); the next holder's token and queries need no delay.
        instances.Simulator.SetLatency(TimeSpan.Zero);
        var stopping = instances.StopOtherAsync();
        var answer = await asking.WaitAsync(Wait);
        output.WriteLine($"error {killed.ElapsedMilliseconds} ms after the holder was cut off: {answer.Error}");
        Assert.False(answer.IsSuccess);
        Assert.Equal(RouteCodes.NoAnswer, answer.Error!.DetailCode);
        Assert.Contains("stopped before answering", answer.Error.Message, StringComparison.Ordinal);
        try
        {
            await stopping;
        }
        catch (Exception ex)
        {
            output.WriteLine($"holder shutdown without Redis: {ex.GetType().Name}: {ex.Message}");
        }

        await Eventually.TrueAsync(() => LeasedInstances.Router(instances.Simulating).HeldKeys.Contains(keyId), Wait, "the lease never moved");
        var again = await remote.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "000660" });
        Assert.True(again.IsSuccess, again.Error?.Message);
    }

    /// <summary>
    /// The worst case of a routed order: the holder sent it and Kiwoom took it, then the holder died before its answer
    /// could cross back. The non-holder's order service must call that an unknown outcome (not a rejection, not a retry),
    /// and reconciling from the new holder finds the one order.
    /// </summary>
    [Fact]
    public async Task AnOrderWhoseHolderDiesBeforeAnsweringIsAnUnknownOutcomeReconciledToTheOneOrder()
    {
        var (owner, connection) = await instances.NewMemberAsync("lost-answer@team.test");
        var (holder, remote) = await OpenOnBothAsync(owner, connection);
        var keyId = holder.Shared.KeyId;
        var last = instances.Simulator.Market.Read(u => u.ByCode["005930"].Last);
        var price = KrxTickSize.RoundDown(KrxTickTable.Stock, last * 95 / 100);
        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 3, price, "0");
        var ordersBefore = SimulatorOrders();

        instances.Simulator.HoldOrders(true);
        var placing = Task.Run(async () => await instances.Simulating.Services.GetRequiredService<IOrderService>()
            .PlaceOrderAsync(await TestMembers.PrincipalAsync(instances.Simulating.Services, owner), ticket));
        await Eventually.TrueAsync(() => instances.Other.Logs.GetSnapshot().Any(r => r.Id.Id == 5326), Wait, "the holder never sent the order");

        // Kiwoom takes the order while the holder can no longer tell anyone.
        await LeasedInstances.Router(instances.Other).Redis.CloseAsync(allowCommandsToComplete: false);
        instances.Simulator.HoldOrders(false);
        await Eventually.TrueAsync(() => SimulatorOrders() - ordersBefore == 1, Wait, "the held order never took effect");
        var placed = await placing.WaitAsync(Wait);
        output.WriteLine($"{placed.Outcome}: {placed.Order?.Message}");
        Assert.Equal(OrderOutcome.UnknownOutcome, placed.Outcome);
        Assert.Contains("may or may not have reached the exchange", placed.Order!.Message, StringComparison.Ordinal);
        try
        {
            await instances.StopOtherAsync();
        }
        catch (Exception ex)
        {
            output.WriteLine($"holder shutdown without Redis: {ex.GetType().Name}: {ex.Message}");
        }

        await Eventually.TrueAsync(() => LeasedInstances.Router(instances.Simulating).HeldKeys.Contains(keyId), Wait, "the lease never moved");
        // As the reconciliation service does, attempt after attempt: right after the move the new holder's session may
        // still be connecting. (The departing holder no longer revokes the key's token under it: TokenHandOverTests.)
        var reconciler = instances.Simulating.Services.GetRequiredService<OrderReconciler>();
        var attempts = 0;
        for (var deadline = Stopwatch.StartNew(); deadline.Elapsed < Wait; attempts++)
        {
            if ((await reconciler.PendingAsync()).SingleOrDefault(i => i.Id == ticket.IntentId) is not { } intent || await reconciler.ReconcileAsync(intent))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        output.WriteLine($"reconciled after {attempts + 1} attempt(s)");
        Assert.DoesNotContain(await reconciler.PendingAsync(), i => i.Id == ticket.IntentId);
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
    }

    private async Task<(BrokerLease Holder, BrokerLease Remote)> OpenOnBothAsync(string email)
    {
        var (owner, connection) = await instances.NewMemberAsync(email);
        return await OpenOnBothAsync(owner, connection);
    }

    /// <summary>"other" holds the member's key (opened first); "sim" reaches it through Redis.</summary>
    private async Task<(BrokerLease Holder, BrokerLease Remote)> OpenOnBothAsync(string owner, Guid connection)
    {
        var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        var remote = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        Assert.True(LeasedInstances.Registry(instances.Simulating).IsRemote(remote.Shared.KeyId));
        return (holder, remote);
    }

    private static async Task<double> TimeQueriesAsync(IBrokerSession session, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            Assert.True((await session.Queries.QueryAsync(new Ka10001Request { StockCode = "005930" })).IsSuccess);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[(count - 1) / 2] + times[count / 2]) / 2;
    }

    /// <summary>REST requests to Kiwoom (TRs and tokens) this instance's own HTTP client sent.</summary>
    private static int KiwoomRequests(KestrelDashboardFactory host) => KiwoomRequestsStarted(host, string.Empty);

    private static int KiwoomRequestsStarted(KestrelDashboardFactory host, string path) =>
        host.Logs.GetSnapshot().Count(r =>
            r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true
            && r.Category.EndsWith("LogicalHandler", StringComparison.Ordinal)
            && r.Message.StartsWith("Start processing HTTP request", StringComparison.Ordinal)
            && (r.Message.Contains("/api/dostk/" + path, StringComparison.Ordinal) || (path.Length == 0 && r.Message.Contains("/oauth2/", StringComparison.Ordinal))));

    private int SimulatorOrders() =>
        instances.Simulating.Services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);
}
