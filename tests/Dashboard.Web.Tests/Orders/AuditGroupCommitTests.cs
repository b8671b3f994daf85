using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The audit writer's group commit: appends that queue up while a batch is written go into the next
/// transaction together, in arrival order, and each one still succeeds, records nothing or fails alone.
/// Each test holds the first append inside the writer until the others are queued, so the batches are known.
/// </summary>
public sealed class AuditGroupCommitTests : IAsyncLifetime
{
    private readonly OrdersHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static AuditEvent Event(string details) => new(OrderAuditKind.LimitChanged, "member", "admin", Details: details);

    private Task<(Task<OrderAuditEntry?> Held, TaskCompletionSource Release)> HoldWriterAsync() => host.Audit.HoldAsync(Event("held"));

    [Fact]
    public async Task AppendsQueuedBehindABatchCommitTogetherInArrivalOrder()
    {
        var batchesBefore = host.Audit.Batches;
        var (held, release) = await HoldWriterAsync();
        var queued = Enumerable.Range(1, 40).Select(n => host.Audit.AppendAsync(Event("queued " + n))).ToArray();

        release.SetResult();
        await held;
        var rows = await Task.WhenAll(queued);

        Assert.Equal(2, host.Audit.Batches - batchesBefore);
        Assert.Equal(Enumerable.Range(2, 40).Select(n => (long)n), rows.Select(r => r!.Sequence));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => "queued " + n), rows.Select(r => r!.Details));
        var verified = await host.Audit.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
        Assert.Equal(41, verified.RowsChecked);
    }

    [Fact]
    public async Task OneFailingAppendRollsBackAloneAndTheChainGoesOn()
    {
        var (held, release) = await HoldWriterAsync();
        var before = host.Audit.AppendAsync(Event("before"));
        var failing = host.Audit.AppendAsync(async (db, ct) =>
        {
            // Written inside the shared transaction, then the decision fails: this write must not survive.
            db.TeamTradingHalts.Add(new TeamTradingHalt { Halted = true, Reason = "from the failed append", UpdatedBy = "test" });
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("decision failed");
        });
        var after = host.Audit.AppendAsync(Event("after"));

        release.SetResult();
        await held;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("decision failed", error.Message);
        Assert.Equal(2, (await before)!.Sequence);
        Assert.Equal(3, (await after)!.Sequence);
        Assert.Equal(["held", "before", "after"], (await host.AuditRowsAsync()).Select(r => r.Details));
        Assert.False(await AnyTeamHaltAsync());
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AnAppendWhoseSaveFailsFirstInItsBatchLeavesTheNextChainedOnTheRowBefore()
    {
        var (held, release) = await HoldWriterAsync();
        var failing = host.Audit.AppendAsync(async (db, ct) =>
        {
            // Its audit row is chained, then saving it fails: the singleton team halt row is inserted a second time.
            db.TeamTradingHalts.Add(new TeamTradingHalt { Halted = true, Reason = "first", UpdatedBy = "test" });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.TeamTradingHalts.Add(new TeamTradingHalt { Halted = true, Reason = "again", UpdatedBy = "test" });
            return Event("never saved");
        });
        var after = host.Audit.AppendAsync(Event("after"));

        release.SetResult();
        await held;
        await Assert.ThrowsAsync<DbUpdateException>(() => failing);
        Assert.Equal(2, (await after)!.Sequence);
        Assert.Equal(["held", "after"], (await host.AuditRowsAsync()).Select(r => r.Details));
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AnAppendThatRecordsNothingLeavesNoChangeBehindInASharedBatch()
    {
        var (held, release) = await HoldWriterAsync();
        var nothing = host.Audit.AppendAsync(async (db, ct) =>
        {
            db.TeamTradingHalts.Add(new TeamTradingHalt { Halted = true, Reason = "decided against", UpdatedBy = "test" });
            await db.SaveChangesAsync(ct);
            return null;
        });
        var next = host.Audit.AppendAsync(Event("next"));

        release.SetResult();
        await held;
        Assert.Null(await nothing);
        Assert.Equal(2, (await next)!.Sequence);
        Assert.False(await AnyTeamHaltAsync());
    }

    [Fact]
    public async Task AnAppendCancelledWhileQueuedIsNeverWritten()
    {
        var (held, release) = await HoldWriterAsync();
        using var cancel = new CancellationTokenSource();
        var withdrawn = host.Audit.AppendAsync(Event("withdrawn"), cancel.Token);
        var kept = host.Audit.AppendAsync(Event("kept"));
        await cancel.CancelAsync();
        // Bounded: were it not withdrawn, it would wait for the held batch (a TimeoutException, not a cancellation).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn.WaitAsync(TimeSpan.FromSeconds(30)));

        release.SetResult();
        await held;
        Assert.Equal(2, (await kept)!.Sequence);
        Assert.Equal(["held", "kept"], (await host.AuditRowsAsync()).Select(r => r.Details));
    }

    private async Task<bool> AnyTeamHaltAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.TeamTradingHalts.AnyAsync();
    }
}
