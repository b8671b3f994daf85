using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A burst of intents (the S5 shape: many members on the same beat) is decided in memory by the one writer and
/// saved in ONE transaction: each intent still checked in order (ids seen earlier in the burst, orders per
/// minute), one intent that fails fails alone and changes nothing, and a save that fails fails the whole burst
/// with nothing written. Each test holds the writer until the burst is queued, so the batch is known.
/// </summary>
public sealed class AuditBurstTests : IAsyncLifetime
{
    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00", ["Orders:DefaultOrdersPerMinute"] = "3" });
    private readonly List<(string Id, System.Security.Claims.ClaimsPrincipal Principal, Guid Connection)> members = [];

    public async Task InitializeAsync()
    {
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        for (var m = 0; m < 4; m++)
        {
            var (id, principal) = await host.MemberAsync($"burst-{m}@team.test", DashboardRoles.Trader);
            members.Add((id, principal, host.Gateway.Connect(id)));
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OrderTicket Ticket(int member, Guid? id = null) => new(id ?? Guid.NewGuid(), members[member].Connection, "005930", OrderSide.Buy, 1, 69_000, "0");

    private Task<OrderResult> PlaceAsync(int member, OrderTicket ticket) => Task.Run(() => host.Orders.PlaceOrderAsync(members[member].Principal, ticket));

    [Fact]
    public async Task ABurstOfIntentsIsOneTransactionWithEveryIntentCheckedInOrder()
    {
        // Broker answers wait, so the only batches are the held one and the burst.
        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = host.Audit.Batches;
        var release = await HoldWriterAsync();

        // Three members place 3 (their limit a minute), the fourth 5: its last two are refused in the burst itself.
        var tickets = Enumerable.Range(0, 3).SelectMany(m => Enumerable.Range(0, 3).Select(_ => (m, Ticket(m))))
            .Concat(Enumerable.Range(0, 5).Select(_ => (3, Ticket(3)))).ToList();
        var placing = new List<Task<OrderResult>>();
        foreach (var (m, ticket) in tickets)
        {
            // One after another into the queue, so the arrival order (and the fourth member's refusals) is known.
            placing.Add(PlaceAsync(m, ticket));
            await Eventually.TrueAsync(() => host.Audit.Queued == placing.Count, TimeSpan.FromSeconds(30));
        }

        release.SetResult();
        await Eventually.TrueAsync(() => host.Gateway.Sent.Count == 12, TimeSpan.FromSeconds(30));
        Assert.Equal(2, host.Audit.Batches - batches);
        host.Gateway.Gate.SetResult();
        var results = await Task.WhenAll(placing);

        Assert.Equal(12, results.Count(r => r.Outcome == OrderOutcome.Accepted));
        var refused = results.Where(r => r.Outcome == OrderOutcome.Refused).ToList();
        Assert.Equal([tickets[12].Item2.IntentId, tickets[13].Item2.IntentId], refused.Select(r => r.IntentId));
        Assert.All(refused, r => Assert.Equal("TooManyOrders", r.Reasons[0].Code));
        var rows = await host.AuditRowsAsync();
        Assert.Equal(
            tickets.SelectMany((t, n) => n < 12 ? [OrderAuditKind.Intent, OrderAuditKind.Sent] : new[] { OrderAuditKind.PreTradeRejected }),
            rows.Skip(1).Take(26).Select(r => r.Kind));
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task TheSameIntentTwiceInOneBurstIsOneRowAndOneBrokerCall()
    {
        var release = await HoldWriterAsync();
        var twice = Ticket(0);
        var first = PlaceAsync(0, twice);
        await Eventually.TrueAsync(() => host.Audit.Queued == 1, TimeSpan.FromSeconds(30));
        var second = PlaceAsync(0, twice);
        var other = PlaceAsync(1, Ticket(1));
        await Eventually.TrueAsync(() => host.Audit.Queued == 3, TimeSpan.FromSeconds(30));

        release.SetResult();

        Assert.Equal((OrderOutcome.Accepted, OrderOutcome.Duplicate), ((await first).Outcome, (await second).Outcome));
        Assert.Equal(OrderOutcome.Accepted, (await other).Outcome);
        Assert.Equal(2, host.Gateway.Sent.Count);
        Assert.Single(await host.AuditRowsAsync(twice.IntentId), r => r.Kind == OrderAuditKind.Intent);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AChangeThatThrowsFailsAloneAndLeavesItsIntentUnchanged()
    {
        var placed = (await PlaceAsync(0, Ticket(0))).Order!;
        var store = host.Services.GetRequiredService<OrderIntentStore>();
        var release = await HoldWriterAsync();
        var before = host.Audit.AppendAsync(Event("before"));
        var failing = store.ChangeAsync(placed.IntentId, i =>
        {
            i.OpenQuantity = 999;
            throw new InvalidOperationException("decision failed");
        });
        var after = store.ChangeAsync(placed.IntentId, i =>
        {
            i.Message = "changed after";
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, "after");
        });
        await Eventually.TrueAsync(() => host.Audit.Queued == 3, TimeSpan.FromSeconds(30));

        release.SetResult();

        Assert.Equal("decision failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        var held = (await before)!.Sequence;
        Assert.NotNull(await after);
        var intent = (await host.IntentAsync(placed.IntentId))!;
        Assert.Equal((1L, "changed after"), (intent.OpenQuantity, intent.Message));
        Assert.Equal(held + 1, (await host.AuditRowsAsync()).Last().Sequence);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ASaveThatFailsFailsTheWholeBurstAndWritesNothingOfIt()
    {
        var placed = (await PlaceAsync(0, Ticket(0))).Order!;
        var store = host.Services.GetRequiredService<OrderIntentStore>();
        var release = await HoldWriterAsync();
        var rowsBefore = (await host.AuditRowsAsync()).Count;
        var before = host.Audit.AppendAsync(Event("before"));

        // Decided fine in memory; the database refuses it on save (the stock code is required).
        var refused = store.ChangeAsync(placed.IntentId, i =>
        {
            i.StockCode = null!;
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, "refused on save");
        });
        var after = host.Audit.AppendAsync(Event("after"));
        await Eventually.TrueAsync(() => host.Audit.Queued == 3, TimeSpan.FromSeconds(30));

        release.SetResult();

        await Assert.ThrowsAsync<DbUpdateException>(() => before);
        await Assert.ThrowsAsync<DbUpdateException>(() => refused);
        await Assert.ThrowsAsync<DbUpdateException>(() => after);
        Assert.Equal(rowsBefore + 1, (await host.AuditRowsAsync()).Count);
        Assert.Equal("005930", (await host.IntentAsync(placed.IntentId))!.StockCode);

        // The writer goes on from the last committed row.
        Assert.Equal(rowsBefore + 2, (await host.Audit.AppendAsync(Event("next")))!.Sequence);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task OrdersPerMinuteCountAcrossBatchesAndNotTheIntentsOfABatchThatFailed()
    {
        // Two orders of member 0, each its own transaction: the writer keeps the count from here on (SQLite).
        Assert.Equal(OrderOutcome.Accepted, (await PlaceAsync(0, Ticket(0))).Outcome);
        Assert.Equal(OrderOutcome.Accepted, (await PlaceAsync(0, Ticket(0))).Outcome);
        var placed = (await PlaceAsync(1, Ticket(1))).Order!;

        // A third in a batch whose save fails: never written, so it must not count toward member 0's three a minute.
        var store = host.Services.GetRequiredService<OrderIntentStore>();
        var release = await HoldWriterAsync();
        var third = PlaceAsync(0, Ticket(0));
        await Eventually.TrueAsync(() => host.Audit.Queued == 1, TimeSpan.FromSeconds(30));
        var refused = store.ChangeAsync(placed.IntentId, i =>
        {
            i.StockCode = null!;
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, "refused on save");
        });
        await Eventually.TrueAsync(() => host.Audit.Queued == 2, TimeSpan.FromSeconds(30));
        release.SetResult();
        await Assert.ThrowsAsync<DbUpdateException>(() => third);
        await Assert.ThrowsAsync<DbUpdateException>(() => refused);

        Assert.Equal(OrderOutcome.Accepted, (await PlaceAsync(0, Ticket(0))).Outcome);
        var fourth = await PlaceAsync(0, Ticket(0));
        Assert.Equal((OrderOutcome.Refused, "TooManyOrders"), (fourth.Outcome, fourth.Reasons[0].Code));
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    private static AuditEvent Event(string details) => new(OrderAuditKind.LimitChanged, "member", "admin", Details: details);

    /// <summary>Puts a database decision in the writer that stays there until the returned source is completed.</summary>
    private async Task<TaskCompletionSource> HoldWriterAsync() => (await host.Audit.HoldAsync(Event("held"))).Release;
}
