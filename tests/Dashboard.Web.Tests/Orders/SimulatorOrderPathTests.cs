extern alias simulator;

using System.Diagnostics;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Microsoft.EntityFrameworkCore;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;
using OrderEngine = simulator::Dashboard.Kiwoom.Simulator.Accounts.OrderEngine;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The order path end to end on the real host against the embedded simulator (loopback only): the real
/// gateway, session, REST client and 00 feed. REL-06 with the simulator's lost-answer fault and the
/// reconciler resolving it from ka10075/ka10076/kt00007; REL-10 stopping the host mid-order; fills from
/// the simulator's own 00 pushes. The simulator's order book is the witness: never a second order.
/// </summary>
public sealed class SimulatorOrderPathTests : IAsyncLifetime
{
    private const string Samsung = SimulatorOrdersHost.Samsung;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private SimulatorOrdersHost sim = default!;

    public Task InitializeAsync()
    {
        sim = new SimulatorOrdersHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await sim.DisposeAsync();

    private SimulatorControl Simulator => sim.Simulator;

    private IOrderService Orders => sim.Orders;

    [Fact]
    public async Task AMarketBuyIsFilledByTheSimulatorsOwn00Push()
    {
        var (member, connection) = await sim.TraderAsync("fill@team.test");
        var ticket = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 10, null, "3");

        var result = await Orders.PlaceOrderAsync(member, ticket);

        Assert.Equal(OrderOutcome.Accepted, result.Outcome);
        await Eventually.TrueAsync(() => IntentAsync(ticket.IntentId).Result is { State: OrderState.Filled, FilledQuantity: 10 }, Wait, "the 00 fill never reached the intent");
        Assert.Equal(1, SimulatorOrders());
        var kinds = await KindsAsync(ticket.IntentId);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted], kinds.Take(3));
        Assert.Equal(OrderAuditKind.Fill, kinds[^1]);
        Assert.True((await sim.Services.GetRequiredService<OrderAuditLog>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AFillMadeWhileTheRealtimeFeedWasAwayIsReadBackOnReconnectOnceAndItsLatePushChangesNothing()
    {
        var (member, connection) = await sim.TraderAsync("away@team.test");
        var ticket = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 10, null, "3");

        // The order fills at once, but its 00 pushes are kept back as if the dashboard's socket were away.
        Simulator.HoldAccountPushes(true);
        Assert.Equal(OrderOutcome.Accepted, (await Orders.PlaceOrderAsync(member, ticket)).Outcome);
        var filled = sim.Services.GetRequiredService<AccountBook>().All.SelectMany(a => a.Orders.ToArray()).Single();
        Assert.Equal(10, filled.Filled);
        Assert.Equal(OrderState.Accepted, (await IntentAsync(ticket.IntentId))!.State);

        // The socket drops; the client logs in again and the tracker reads the open orders back from ka10075/ka10076.
        Simulator.DropSockets();
        await Eventually.TrueAsync(() => IntentAsync(ticket.IntentId).Result is { State: OrderState.Filled }, Wait, "the reconnect did not read the fill back");
        var intent = (await IntentAsync(ticket.IntentId))!;
        Assert.Equal((10L, (long?)filled.AverageFillPrice, 0L), (intent.FilledQuantity, OrderView.From(intent).AverageFillPrice, intent.OpenQuantity));
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.Fill], await KindsAsync(ticket.IntentId));

        // The kept-back pushes arrive late, then a second order's; once that one is applied the late ones were read too.
        Simulator.HoldAccountPushes(false);
        var next = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 1, null, "3");
        Assert.Equal(OrderOutcome.Accepted, (await Orders.PlaceOrderAsync(member, next)).Outcome);
        await Eventually.TrueAsync(() => IntentAsync(next.IntentId).Result is { State: OrderState.Filled }, Wait, "the second order's push never arrived");
        Assert.Equal(10L, (await IntentAsync(ticket.IntentId))!.FilledQuantity);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.Fill], await KindsAsync(ticket.IntentId));
        Assert.Equal(2, SimulatorOrders());
        Assert.True((await sim.Services.GetRequiredService<OrderAuditLog>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AGoldFillMadeWhileTheRealtimeFeedWasAwayIsReadBackFromTheGoldLists()
    {
        var (member, connection) = await sim.TraderAsync("gold@team.test");
        var code = OrderValidator.GoldOneKilogram;

        // A buy a little above the last trade crosses the ask and fills at once; its 00 pushes are kept back.
        var last = Simulator.Market.Read(u => u.ByCode[code].Last);
        var price = (last * 101 / 100 + 9) / 10 * 10;
        var ticket = new OrderTicket(Guid.NewGuid(), connection, code, OrderSide.Buy, 1, price, "00", Product: OrderProduct.Gold);
        Simulator.HoldAccountPushes(true);
        Assert.Equal(OrderOutcome.Accepted, (await Orders.PlaceOrderAsync(member, ticket)).Outcome);
        Assert.Equal(1, sim.Services.GetRequiredService<AccountBook>().All.SelectMany(a => a.Orders.ToArray()).Single().Filled);
        Assert.Equal(OrderState.Accepted, (await IntentAsync(ticket.IntentId))!.State);

        // The socket drops; on reconnect the tracker reads the gold orders back from kt50075 and kt50031.
        Simulator.DropSockets();
        await Eventually.TrueAsync(() => IntentAsync(ticket.IntentId).Result is { State: OrderState.Filled, FilledQuantity: 1 }, Wait, "the reconnect did not read the gold fill back");
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.Fill], await KindsAsync(ticket.IntentId));
        Simulator.HoldAccountPushes(false);
        Assert.Equal(1, SimulatorOrders());
    }

    [Fact]
    public async Task AFillPushedBehindTheCancelAnswerThatSettledTheOrderIsStillRecorded()
    {
        // At the exchange 3 shares trade, then the cancel takes the other 7; their 00 pushes are still on the wire when
        // the cancel's answer settles the order here (all 10 cancelled, as far as we know then).
        var (member, ticket, price) = await TenOfWhichThreeFillUnseenAsync("race@team.test");
        Assert.Equal(OrderOutcome.Accepted, (await Orders.CancelOrderAsync(member, new CancelTicket(Guid.NewGuid(), ticket.IntentId, 0))).Outcome);
        Assert.Equal((OrderState.Cancelled, 0L), ((await IntentAsync(ticket.IntentId))!.State, (await IntentAsync(ticket.IntentId))!.FilledQuantity));
        Simulator.HoldAccountPushes(false);

        await Eventually.TrueAsync(() => IntentAsync(ticket.IntentId).Result is { FilledQuantity: 3 }, Wait, "the fill pushed behind the cancel's answer was lost");
        var intent = (await IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Cancelled, 3L, 3 * price, 0L), (intent.State, intent.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Single(await KindsAsync(ticket.IntentId), k => k == OrderAuditKind.PartialFill);
        Assert.Equal(2, SimulatorOrders());
        Assert.True((await sim.Services.GetRequiredService<OrderAuditLog>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AModifyAnsweredAfterPartOfItsOriginalFilledCarriesWhatKiwoomMoved()
    {
        // 3 fill at the exchange while the modify of all 10 is on its way; with the pushes held, only the answer's mdfy_qty tells.
        var (member, placed, price) = await TenOfWhichThreeFillUnseenAsync("moved@team.test");
        var modify = new ModifyTicket(Guid.NewGuid(), placed.IntentId, 0, KrxTickSize.StepDown(KrxTickTable.Stock, price));
        var result = await Orders.ModifyOrderAsync(member, modify);

        Assert.Equal(OrderOutcome.Accepted, result.Outcome);
        Assert.Equal((7L, 7L), (result.Order!.Quantity, result.Order.OpenQuantity));
        Simulator.HoldAccountPushes(false);
        await Eventually.TrueAsync(() => IntentAsync(placed.IntentId).Result is { FilledQuantity: 3 }, Wait, "the original's fill was never counted");
        var moved = (await IntentAsync(modify.IntentId))!;
        Assert.Equal((OrderState.Accepted, 7L, 7L), (moved.State, moved.Quantity, moved.OpenQuantity));
        Assert.Equal(OrderState.Replaced, (await IntentAsync(placed.IntentId))!.State);
    }

    [Fact]
    public async Task ALostOrderAnswerIsReconciledFromTheSimulatorsListsAndNeverResent()
    {
        var (member, connection) = await sim.TraderAsync("lost@team.test");
        var ticket = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 3, sim.BelowMarket(), "0");

        Simulator.LoseOrderAnswers(502);
        var result = await Orders.PlaceOrderAsync(member, ticket);
        Simulator.LoseOrderAnswers(null);

        Assert.Equal(OrderOutcome.UnknownOutcome, result.Outcome);
        Assert.Equal(1, SimulatorOrders());
        var resolved = await sim.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await IntentAsync(ticket.IntentId))!);

        Assert.True(resolved);
        var intent = (await IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Accepted, 3L), (intent.State, intent.OpenQuantity));
        Assert.Equal(SimulatorOrderNumbers().Single(), intent.OrderNumber);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.UnknownOutcome, OrderAuditKind.Reconciled], await KindsAsync(ticket.IntentId));
        Assert.Equal(1, SimulatorOrders());
    }

    [Fact]
    public async Task ALostGoldOrderAnswerIsReconciledFromTheGoldListsAndNeverResent()
    {
        var (member, connection) = await sim.TraderAsync("lostgold@team.test");
        var code = OrderValidator.GoldOneKilogram;

        // Under the market on the 10-won step: left open at the simulator.
        var price = Simulator.Market.Read(u => u.ByCode[code].Last) * 97 / 100 / 10 * 10;
        var ticket = new OrderTicket(Guid.NewGuid(), connection, code, OrderSide.Buy, 2, price, "00", Product: OrderProduct.Gold);
        Simulator.LoseOrderAnswers(502);
        var result = await Orders.PlaceOrderAsync(member, ticket);
        Simulator.LoseOrderAnswers(null);
        Assert.Equal(OrderOutcome.UnknownOutcome, result.Outcome);

        Assert.True(await sim.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await IntentAsync(ticket.IntentId))!));

        var intent = (await IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Accepted, 2L), (intent.State, intent.OpenQuantity));
        Assert.Equal(SimulatorOrderNumbers().Single(), intent.OrderNumber);
        Assert.Equal(1, SimulatorOrders());
    }

    [Fact]
    public async Task ALostModifyAnswerIsFoundInTheAccountsOrderDetails()
    {
        var (member, connection) = await sim.TraderAsync("modify@team.test");
        var price = sim.BelowMarket();
        var placed = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 5, price, "0");
        Assert.Equal(OrderOutcome.Accepted, (await Orders.PlaceOrderAsync(member, placed)).Outcome);
        var modify = new ModifyTicket(Guid.NewGuid(), placed.IntentId, 0, KrxTickSize.StepDown(KrxTickTable.Stock, price));

        Simulator.LoseOrderAnswers(500);
        var result = await Orders.ModifyOrderAsync(member, modify);
        Simulator.LoseOrderAnswers(null);

        Assert.Equal(OrderOutcome.UnknownOutcome, result.Outcome);
        Assert.True(await sim.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await IntentAsync(modify.IntentId))!));
        var moved = (await IntentAsync(modify.IntentId))!;
        var original = (await IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Accepted, 5L, modify.Price), (moved.State, moved.OpenQuantity, moved.Price));
        Assert.Equal((OrderState.Replaced, 0L), (original.State, original.OpenQuantity));
        Assert.Contains(moved.OrderNumber, SimulatorOrderNumbers());
        Assert.Equal(2, SimulatorOrders());
    }

    [Fact]
    public async Task StoppingTheHostMidOrderLeavesIntentAndSentAndTheNextStartReconciles()
    {
        var (member, connection) = await sim.TraderAsync("restart@team.test");
        var ticket = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 2, sim.BelowMarket(), "0");

        // The simulator holds the order TR before it takes effect: the call is in flight when the host stops.
        Simulator.HoldOrders(true);
        var placing = Task.Run(() => Orders.PlaceOrderAsync(member, ticket));
        await Eventually.TrueAsync(() => KindsAsync(ticket.IntentId).Result.Contains(OrderAuditKind.Sent), Wait, "the intent was never sent");
        await Task.Delay(200);
        Assert.False(placing.IsCompleted);
        var stopping = Stopwatch.StartNew();
        await sim.StopAsync();
        stopping.Stop();
        await Task.WhenAny(placing, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"stopping took {stopping.Elapsed.TotalSeconds:0.0} s");
        var left = await RawKindsAsync(ticket.IntentId);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent], left.Take(2));
        Assert.True(left.Count == 2 || left[2] == OrderAuditKind.UnknownOutcome, string.Join(", ", left));

        await sim.RestartAsync("00:00:01");
        await Eventually.TrueAsync(
            () => IntentAsync(ticket.IntentId).Result is { State: not (OrderState.Sent or OrderState.UnknownOutcome) }, Wait,
            "start-up reconciliation did not resolve the intent: " + string.Join(" | ", sim.Host.Logs.GetSnapshot().Where(r => r.Category?.Contains("Order", StringComparison.Ordinal) == true).Select(r => r.Message)));
        var kinds = await KindsAsync(ticket.IntentId);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent], kinds.Take(2));
        Assert.Equal(OrderAuditKind.Reconciled, kinds[^1]);
        Assert.True((await sim.Services.GetRequiredService<OrderAuditLog>().VerifyAsync()).IsIntact);
    }

    /// <summary>
    /// A trader's resting buy of 10 below the market, of which the simulator's tape then fills 3 with the account's 00
    /// pushes held back (as if still on the wire): the dashboard still has all 10 open. Release with HoldAccountPushes(false).
    /// </summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal Member, OrderTicket Ticket, long Price)> TenOfWhichThreeFillUnseenAsync(string email)
    {
        var (member, connection) = await sim.TraderAsync(email);
        var price = sim.BelowMarket();
        var ticket = new OrderTicket(Guid.NewGuid(), connection, Samsung, OrderSide.Buy, 10, price, "0");
        Assert.Equal(OrderOutcome.Accepted, (await Orders.PlaceOrderAsync(member, ticket)).Outcome);
        Simulator.HoldAccountPushes(true);
        Assert.Equal(3, sim.Services.GetRequiredService<OrderEngine>().PrintToRestingOrders(Samsung, 3));
        return (member, ticket, price);
    }

    private int SimulatorOrders() => sim.SimulatorOrderNumbers().Count;

    private List<string> SimulatorOrderNumbers() => sim.SimulatorOrderNumbers();

    private async Task<OrderIntent?> IntentAsync(Guid id)
    {
        await using var db = await sim.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.OrderIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
    }

    /// <summary>The audit as the file holds it with no host running.</summary>
    private async Task<List<OrderAuditKind>> RawKindsAsync(Guid id)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={sim.DatabasePath};Pooling=False").Options;
        await using var db = new ApplicationDbContext(options);
        return await db.OrderAudit.AsNoTracking().Where(a => a.IntentId == id).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync();
    }

    private async Task<List<OrderAuditKind>> KindsAsync(Guid id)
    {
        await using var db = await sim.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.OrderAudit.AsNoTracking().Where(a => a.IntentId == id).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync();
    }
}
