extern alias simulator;

using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Orders with the real order service on both instances, one holding the member's key and one served through
/// Redis: the simulator's order book is the witness that one intent is one order, and the fill that only the
/// holder's socket receives still completes the intent.
/// </summary>
public sealed class CrossInstanceOrderTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
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

    private int SimulatorOrders() =>
        instances.Simulating.Services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);

    private async Task<OrderIntent?> IntentAsync(Guid id)
    {
        await using var db = await instances.Simulating.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.OrderIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
    }
}
