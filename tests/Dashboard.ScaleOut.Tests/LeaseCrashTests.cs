extern alias simulator;

using System.Diagnostics;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Dashboard.ScaleOut.Tests.RelayedFeeds;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Two real instances on one PostgreSQL and one Redis: a holder that dies without releasing its lease.
/// </summary>
public sealed class LeaseCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = RelayedFeeds.Wait;
    private static readonly string[] Codes = ["005930"];
    private LeasedInstances instances = null!;

    public async Task InitializeAsync() => instances = await LeasedInstances.StartAsync();

    public async Task DisposeAsync() => await instances.DisposeAsync();

    /// <summary>
    /// The crash, as Redis and Kiwoom see it: the holder's Redis connection is cut first (no renewal, no release
    /// can go out any more), then the instance goes away with its socket. The lease must run out by expiry, not be
    /// handed over, and the remaining instance must take the key within LeaseExpiry + one renewal poll (plus slack).
    /// </summary>
    [Fact]
    public async Task AHolderKilledWithoutReleasingLosesTheKeyByExpiryAndTheOtherInstanceTakesTheSocketWithNoDuplicateOrder()
    {
        var (owner, connection) = await instances.NewMemberAsync("crash@team.test");
        var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        var keyId = holder.Shared.KeyId;
        await using var onSim = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        await using var feed = (await onSim.Shared.Feeds.SubscribeQuotesAsync(Codes)).Value!;
        Assert.NotEmpty(await FirstBatchAsync(feed));

        // An order through the holder just before it dies.
        var ordersBefore = SimulatorOrders();
        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 1, null, "3");
        var placed = await instances.Other.Services.GetRequiredService<IOrderService>()
            .PlaceOrderAsync(await TestMembers.PrincipalAsync(instances.Other.Services, owner), ticket);
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);

        var router = LeasedInstances.Router(instances.Simulating);
        var otherLogs = instances.Other.Logs; // read after the host is gone
        var killed = Stopwatch.StartNew();
        await LeasedInstances.Router(instances.Other).Redis.CloseAsync(allowCommandsToComplete: false);
        var stopping = instances.StopOtherAsync();

        await Eventually.TrueAsync(() => router.HeldKeys.Contains(keyId), Wait, "the lease never moved to the remaining instance");
        var moved = killed.Elapsed;
        try
        {
            await stopping;
        }
        catch (Exception ex)
        {
            // A killed process does not shut down cleanly either; what matters is what the others see.
            output.WriteLine($"holder shutdown without Redis: {ex.GetType().Name}: {ex.Message}");
        }

        var expiry = LeasedInstances.LeaseExpiry;
        var poll = expiry / 5;
        output.WriteLine($"lease taken {moved.TotalMilliseconds:0} ms after the holder was cut off (expiry {expiry.TotalMilliseconds:0} ms, poll {poll.TotalMilliseconds:0} ms)");

        // Not released: the cut-off holder never got its release through (judged by its own log, not by racing a clock).
        Assert.DoesNotContain(otherLogs.GetSnapshot(), r => r.Id.Id == 5313 && r.Message.Contains(keyId, StringComparison.Ordinal));
        // Within expiry + one poll, plus generous slack for this shared machine's scheduling (the bound is for hangs).
        Assert.True(moved <= expiry + poll + TimeSpan.FromSeconds(10), $"took {moved}");

        await DrainAsync(feed);
        Assert.NotEmpty(await FirstBatchAsync(feed));
        await Eventually.TrueAsync(() => instances.Simulator.Stats().Sockets == 1, Wait, "the new holder did not end with exactly one socket");

        // The member retries the same ticket on the surviving instance: still one order at the broker.
        var again = await instances.Simulating.Services.GetRequiredService<IOrderService>()
            .PlaceOrderAsync(await TestMembers.PrincipalAsync(instances.Simulating.Services, owner), ticket);
        Assert.NotEqual(OrderOutcome.Accepted, again.Outcome);
        Assert.Equal(1, SimulatorOrders() - ordersBefore);
    }

    private int SimulatorOrders() =>
        instances.Simulating.Services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);
}
