extern alias simulator;

using System.Collections.Concurrent;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Dashboard.ScaleOut.Tests.RelayedFeeds;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Orders with the real order service on both instances, one holding the member's key and one served through
/// Redis: the simulator's order book is the witness that one intent is one order, and the fill that only the
/// holder's socket receives still completes the intent; account pushes reach the non-holder in the holder's order.
/// </summary>
public sealed class CrossInstanceOrderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Orders = 3;
    private static readonly TimeSpan Wait = RelayedFeeds.Wait;
    private LeasedInstances instances = null!;

    public async Task InitializeAsync() => instances = await LeasedInstances.StartAsync();

    public async Task DisposeAsync() => await instances.DisposeAsync();

    [Fact]
    public async Task TheSameTicketOnBothInstancesIsOneSimulatorOrderAndItsFillArrives()
    {
        var (owner, connection) = await instances.NewMemberAsync("orders@team.test");

        // The member's key is held by "other"; "sim" reaches it through Redis.
        await using var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait);
        await using var remote = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        Assert.True(LeasedInstances.Registry(instances.Simulating).IsRemote(remote.Shared.KeyId));
        var ordersBefore = SimulatorOrders();

        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 3, null, "3");
        var onSim = await TestMembers.PrincipalAsync(instances.Simulating.Services, owner);
        var onOther = await TestMembers.PrincipalAsync(instances.Other.Services, owner);
        var results = await Task.WhenAll(
            Task.Run(() => instances.Simulating.Services.GetRequiredService<IOrderService>().PlaceOrderAsync(onSim, ticket)),
            Task.Run(() => instances.Other.Services.GetRequiredService<IOrderService>().PlaceOrderAsync(onOther, ticket)));

        Assert.Single(results, r => r.Outcome == OrderOutcome.Accepted);
        Assert.Single(results, r => r.Outcome == OrderOutcome.Duplicate);
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
        await Eventually.TrueAsync(() => IntentAsync(ticket.IntentId).Result is { State: OrderState.Filled, FilledQuantity: 3 }, Wait, "the fill never completed the intent");
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
    }

    /// <summary>
    /// Order, fill (00) and balance (04) pushes of a few market buys: the holder receives them on its socket in some
    /// order; a session on the other instance must see exactly that order, across types (the holder relays every
    /// lossless registration of the key through one sequence). The order is noted when each feed maps the event,
    /// i.e. when each session dispatches it. With one pump per (type, item) the non-holder got 00 → 04 → 00 where
    /// the holder received 00 → 00 → 04.
    /// </summary>
    [Fact]
    public async Task FillAndBalancePushesReachTheNonHolderInTheOrderTheHolderReceivedThem()
    {
        var (owner, connection) = await instances.NewMemberAsync("ordered@team.test");
        await using var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        await using var remote = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        Assert.True(LeasedInstances.Registry(instances.Simulating).IsRemote(remote.Shared.KeyId));

        var atHolder = new ConcurrentQueue<string>();
        var atRemote = new ConcurrentQueue<string>();
        await using var holderFills = await NoteAsync(holder.Shared, RealtimeTypes.OrderExecution, atHolder);
        await using var holderBalances = await NoteAsync(holder.Shared, RealtimeTypes.Balance, atHolder);
        await using var remoteFills = await NoteAsync(remote.Shared, RealtimeTypes.OrderExecution, atRemote);
        await using var remoteBalances = await NoteAsync(remote.Shared, RealtimeTypes.Balance, atRemote);

        // Market buys from the non-holder's instance, sent together: each fills at once, so acceptances, fills and
        // balances of several orders interleave on the holder's socket.
        var principal = await TestMembers.PrincipalAsync(instances.Simulating.Services, owner);
        var service = instances.Simulating.Services.GetRequiredService<IOrderService>();
        var placed = await Task.WhenAll(Enumerable.Range(1, Orders).Select(q =>
            service.PlaceOrderAsync(principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, q, null, "3"))));
        Assert.All(placed, p => Assert.Equal(OrderOutcome.Accepted, p.Outcome));

        await Eventually.TrueAsync(
            () => atHolder.Count(e => e.StartsWith("04", StringComparison.Ordinal)) >= Orders && atHolder.Count(e => e.StartsWith("00", StringComparison.Ordinal)) >= 2 * Orders,
            Wait, "the holder never received the orders' acceptances, fills and balances");
        // Give a late 04 the chance to be part of the comparison (not needed for it to be fair: see below).
        await Task.Delay(TimeSpan.FromSeconds(1));

        // The relay lags the holder, and a push may still arrive at the holder while this compares: wait (bounded)
        // until the non-holder has seen exactly what the holder has, instead of comparing at a guessed moment.
        string[] seenByHolder = [], seenByRemote = [];
        var deadline = DateTime.UtcNow + Wait;
        do
        {
            seenByHolder = atHolder.ToArray();
            seenByRemote = atRemote.ToArray();
            if (seenByHolder.SequenceEqual(seenByRemote))
            {
                break;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        output.WriteLine("holder:     " + string.Join(" → ", seenByHolder.Select(e => e[..2])));
        output.WriteLine("non-holder: " + string.Join(" → ", seenByRemote.Select(e => e[..2])));
        Assert.Equal(seenByHolder, seenByRemote);
    }

    private int SimulatorOrders() =>
        instances.Simulating.Services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);

    private async Task<OrderIntent?> IntentAsync(Guid id)
    {
        await using var db = await instances.Simulating.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.OrderIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
    }
}
