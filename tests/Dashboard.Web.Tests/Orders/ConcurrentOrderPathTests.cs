using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// Many members ordering at once (the S5 shape, small): one broker call per intent, each intent's Intent
/// and Sent rows committed together (adjacent in the chain), the chain intact; and one member's slow broker
/// open never holds up another member's order.
/// </summary>
public sealed class ConcurrentOrderPathTests : IAsyncLifetime
{
    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00", ["Orders:DefaultOrdersPerMinute"] = "1000" });

    public Task InitializeAsync()
    {
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ParallelOrdersOfManyMembersAreEachSentOnceWithIntentAndSentCommittedTogether()
    {
        var members = new List<(System.Security.Claims.ClaimsPrincipal Principal, Guid Connection)>();
        for (var m = 0; m < 5; m++)
        {
            var member = await host.MemberAsync($"load-{m}@team.test", DashboardRoles.Trader);
            members.Add((member.Principal, host.Gateway.Connect(member.Id)));
        }

        var tickets = members.SelectMany(m => Enumerable.Range(0, 8).Select(_ =>
            (m.Principal, Ticket: new OrderTicket(Guid.NewGuid(), m.Connection, "005930", OrderSide.Buy, 1, 69_000, "0")))).ToList();
        var results = await Task.WhenAll(tickets.Select(t => Task.Run(() => host.Orders.PlaceOrderAsync(t.Principal, t.Ticket))));

        Assert.All(results, r => Assert.Equal(OrderOutcome.Accepted, r.Outcome));
        Assert.Equal(tickets.Count, host.Gateway.Sent.Count);
        var rows = await host.AuditRowsAsync();
        foreach (var (_, ticket) in tickets)
        {
            var own = rows.Where(r => r.IntentId == ticket.IntentId).ToList();
            Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted], own.Select(r => r.Kind));
            Assert.Equal(own[0].Sequence + 1, own[1].Sequence);
        }

        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AMembersSlowBrokerOpenDoesNotHoldUpAnotherMembersOrder()
    {
        var slow = await host.MemberAsync("slow@team.test", DashboardRoles.Trader);
        var fast = await host.MemberAsync("fast@team.test", DashboardRoles.Trader);
        var slowConnection = host.Gateway.Connect(slow.Id);
        var fastConnection = host.Gateway.Connect(fast.Id);
        var login = host.Gateway.SlowOpens[slowConnection] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var stuck = host.Orders.PlaceOrderAsync(slow.Principal, new OrderTicket(Guid.NewGuid(), slowConnection, "005930", OrderSide.Buy, 1, 69_000, "0"));
        var other = await host.Orders.PlaceOrderAsync(fast.Principal, new OrderTicket(Guid.NewGuid(), fastConnection, "005930", OrderSide.Buy, 1, 69_000, "0"))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(OrderOutcome.Accepted, other.Outcome);
        Assert.False(stuck.IsCompleted);
        login.SetResult();
        Assert.Equal(OrderOutcome.Accepted, (await stuck).Outcome);
    }
}
