using System.Collections.Concurrent;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Watchlists;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Two instances on one PostgreSQL database and one Redis: what one instance does, the other sees, and what
/// must happen once (an order, an audit row) happens once.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private TwoInstances instances = null!;

    public async Task InitializeAsync() => instances = await TwoInstances.StartAsync();

    public async Task DisposeAsync() => await instances.DisposeAsync();

    [Fact]
    public async Task AuditAppendsFromBothInstancesAtOnceFormOneUnbrokenChain()
    {
        const int each = 15;
        var appends = Enumerable.Range(0, each)
            .SelectMany(i => new[] { instances.A, instances.B }.Select(host => Task.Run(() =>
                host.Audit.AppendAsync(new AuditEvent(OrderAuditKind.LimitChanged, "m1", "admin", Details: $"append {i}")))))
            .ToArray();
        await Task.WhenAll(appends);

        var verification = await instances.B.Audit.VerifyAsync();
        Assert.True(verification.IsIntact, verification.ToString());
        Assert.Equal(2 * each, (await instances.A.AuditRowsAsync()).Count);
    }

    [Fact]
    public async Task TheSameIntentSubmittedOnBothInstancesIsOneBrokerCall()
    {
        var memberId = await TestMembers.CreateAsync(instances.A.Services, "trader@team.test", DashboardRoles.Trader);
        var onA = await TestMembers.PrincipalAsync(instances.A.Services, memberId);
        var onB = await TestMembers.PrincipalAsync(instances.B.Services, memberId);
        var connection = instances.A.Gateway.Connect(memberId);
        instances.B.Gateway.Connections[connection] = instances.A.Gateway.Connections[connection];
        foreach (var host in new[] { instances.A, instances.B })
        {
            host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        }

        // A tab that reconnected to the other instance resubmits the same ticket (same intent id) at once.
        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 10, 70_000, "0");
        var submits = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            (i % 2 == 0 ? instances.A : instances.B).Orders.PlaceOrderAsync(i % 2 == 0 ? onA : onB, ticket))).ToArray();
        var results = await Task.WhenAll(submits);

        Assert.Equal(1, instances.A.Gateway.Sent.Count + instances.B.Gateway.Sent.Count);
        Assert.Single(results, r => r.Outcome == OrderOutcome.Accepted);
        Assert.Equal(3, results.Count(r => r.Outcome == OrderOutcome.Duplicate));
        Assert.Single(await instances.A.AuditRowsAsync(ticket.IntentId), r => r.Kind == OrderAuditKind.Intent);
    }

    [Fact]
    public async Task AWatchlistEditOnOneInstanceReachesViewersOnTheOther()
    {
        var list = Guid.NewGuid();
        var heardOnA = new ConcurrentQueue<WatchlistChange>();
        var heardOnB = new ConcurrentQueue<WatchlistChange>();
        await using var viewerOnA = await Changes(instances.A).SubscribeAsync(list, (c, _) => Enqueue(heardOnA, c));
        await using var viewerOnB = await Changes(instances.B).SubscribeAsync(list, (c, _) => Enqueue(heardOnB, c));

        var change = new WatchlistChange(list, WatchlistChangeKind.Added, 2, "member-a");
        await Changes(instances.A).PublishAsync(change);

        await Eventually.TrueAsync(() => heardOnB.Contains(change), Within, "the viewer on instance B never heard of the edit made on A");
        await Eventually.TrueAsync(() => heardOnA.Contains(change), Within);
        await PublishMarkerAndWaitAsync(heardOnA, list);
        Assert.Single(heardOnA, c => c == change); // its own echo from Redis is not delivered twice
    }

    [Fact]
    public async Task ASignOutOnOneInstanceEndsTheMembersCircuitsOnTheOther()
    {
        var onA = new ConcurrentQueue<string>();
        var onB = new ConcurrentQueue<string>();
        instances.A.Services.GetRequiredService<MemberSignOutSignal>().SignOutRequested += onA.Enqueue;
        instances.B.Services.GetRequiredService<MemberSignOutSignal>().SignOutRequested += onB.Enqueue;

        instances.A.Services.GetRequiredService<MemberSignOutSignal>().Raise("disabled-member");

        await Eventually.TrueAsync(() => onB.Contains("disabled-member"), Within, "instance B's circuits were not told");
        instances.B.Services.GetRequiredService<MemberSignOutSignal>().Raise("marker");
        await Eventually.TrueAsync(() => onA.Contains("marker"), Within);
        Assert.Single(onA, id => id == "disabled-member"); // not bounced back by B
        Assert.Single(onB, id => id == "disabled-member");
    }

    [Fact]
    public async Task DataProtectedOnOneInstanceOpensOnTheOther()
    {
        // A stored credential or a sign-in cookie written by one instance must open on every other.
        var secret = instances.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out-test").Protect("app-secret");

        var opened = instances.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out-test").Unprotect(secret);

        Assert.Equal("app-secret", opened);
    }

    private static IWatchlistChanges Changes(Dashboard.Web.Tests.Orders.OrdersHost host) => host.Services.GetRequiredService<IWatchlistChanges>();

    private static Task Enqueue(ConcurrentQueue<WatchlistChange> queue, WatchlistChange change)
    {
        queue.Enqueue(change);
        return Task.CompletedTask;
    }

    // Redis delivers in order per channel: once a later notice from B has arrived on A, any echo of A's own would have too.
    private async Task PublishMarkerAndWaitAsync(ConcurrentQueue<WatchlistChange> heardOnA, Guid list)
    {
        var marker = new WatchlistChange(list, WatchlistChangeKind.Removed, 3, "member-b");
        await Changes(instances.B).PublishAsync(marker);
        await Eventually.TrueAsync(() => heardOnA.Contains(marker), Within);
    }
}
