using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Orders;

/// <summary>
/// The one writer of the hash-chained order audit (SEC-18). Appends are serialized in-process so the
/// sequence and the chain never fork, and each batch runs in an immediate transaction with the database's
/// busy timeout, so a concurrent writer elsewhere (watchlists, connections) waits instead of failing with
/// "database is locked" (REL-12). Changes that must commit together with their audit row (an intent,
/// its new state) are made in the same transaction.
/// Group commit: appends that arrive while a batch is being written are queued, and the writer takes all of
/// them (up to <see cref="MaxBatch"/>) into ONE transaction with ONE commit. Most appends are decided in memory
/// (<see cref="AuditWork"/>): a run of them has its reads done in a few queries for the whole run
/// (<see cref="AuditBatch"/>), each decided in arrival order (one that fails, fails alone and changes nothing),
/// their rows chained in order and saved with one SaveChanges; a failing save fails the whole batch, nothing of
/// it written. A decision that reads the database as it goes (<see cref="DatabaseAuditWork"/>) runs after the run
/// before it is saved, alone in a savepoint. A caller's append returns only after the transaction holding it
/// has committed, so an intent is durable before its broker call.
/// On SQLite the writer keeps one context and connection open between batches and writes the rows of an in-memory
/// run with prepared statements built from the EF model (<see cref="PreparedRows"/>) instead of SaveChanges; a batch
/// that fails drops them and the next batch opens new ones. PostgreSQL opens a context per batch and saves with EF.
/// Durability: a batch holding an intent, a refusal or an admin change commits with <c>synchronous=FULL</c> (the WAL is
/// on the disk before the caller hears of it, so before the order TR leaves). A batch holding only rows that record what
/// the broker said (<see cref="AuditWork.RecordsWhatTheBrokerSaid"/>) commits with <c>NORMAL</c> on the kept connection:
/// written to the WAL (it survives the process being killed) without waiting for the disk; the next FULL commit or
/// checkpoint syncs it along. A power cut can lose only such rows at the chain's tail (the WAL keeps a prefix, so the
/// chain stays whole), and their intents then read Sent, which reconciliation resolves from the broker's lists at start.
/// </summary>
public sealed class OrderAuditLog(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider time, OrderMetrics metrics, TradingLimitsCache limitsCache, ILogger<OrderAuditLog> logger) : IDisposable
{
    // Bounds one transaction (and so the time the file is held) under a burst; the rest go in the next batch.
    private const int MaxBatch = 128;

    private readonly ConcurrentQueue<Pending> queue = new();
    private int draining;
    private int disposed;

    // SQLite: the writer's own context, its connection kept open, and its prepared statements (touched by the running writer only).
    private ApplicationDbContext? writerDb;
    private PreparedRows? prepared;

    // Whether the kept connection is at synchronous=NORMAL now (a new connection starts at SQLite's FULL).
    private bool syncDeferred;

    // The end of the chain as the last committed batch left it (touched by the one running writer only).
    private ChainEnd? head;

    // Each member's orders of the last minute (SQLite only, like the chain end; forgotten when a batch fails).
    private readonly RecentOrderWindow recentOrders = new();
    private long batches;
    private long appends;
    private long preparedRuns;

    /// <summary>Transactions committed by the writer (each holds one or more appends).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Appends run by the writer, committed or not; <c>Appends / Batches</c> is the mean batch size.</summary>
    public long Appends => Interlocked.Read(ref appends);

    public async Task<OrderAuditEntry?> AppendAsync(AuditEvent e, CancellationToken ct = default)
    {
        var rows = await AppendAsync(new EventAuditWork(e), ct);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>
    /// Runs <paramref name="decide"/> inside the writer's transaction: it may read and change rows, and
    /// returns the event to append, or null to append nothing and roll its changes back.
    /// </summary>
    public async Task<OrderAuditEntry?> AppendAsync(Func<ApplicationDbContext, CancellationToken, Task<AuditEvent?>> decide, CancellationToken ct = default)
    {
        var rows = await AppendAllAsync(async (db, token) => await decide(db, token) is { } e ? [e] : null, ct);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>
    /// Like <see cref="AppendAsync(Func{ApplicationDbContext, CancellationToken, Task{AuditEvent?}}, CancellationToken)"/>,
    /// for several consecutive rows committed together with the changes (an intent and its Sent row).
    /// </summary>
    public Task<IReadOnlyList<OrderAuditEntry>> AppendAllAsync(
        Func<ApplicationDbContext, CancellationToken, Task<IReadOnlyList<AuditEvent>?>> decide, CancellationToken ct = default) =>
        AppendAsync(new DatabaseAuditWork(decide), ct);

    /// <summary>
    /// Queues <paramref name="work"/> for the writer and returns its rows once the transaction holding them has
    /// committed (none when it decided to record nothing, or was taken after <paramref name="ct"/> fired).
    /// </summary>
    internal async Task<IReadOnlyList<OrderAuditEntry>> AppendAsync(AuditWork work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(work, ct);
        queue.Enqueue(pending);
        StartWriter();

        try
        {
            // Callers wait on their own append only, never in line for a lock: handing a lock from waiter to waiter
            // costs a thread-pool hop each, and under CPU pressure that chain of hops was seconds long.
            var rows = await pending.Done.Task.WaitAsync(ct);
            OrderMetrics.Since(metrics.Wakeup, pending.CommittedAt);
            return rows;
        }
        catch (OperationCanceledException) when (!pending.TryWithdraw())
        {
            // Already taken into a batch (or done): its outcome is decided there, committed or not; wait for it.
            // Only an append withdrawn while still queued reports the cancellation: it will never be written.
            return await pending.Done.Task;
        }
    }

    /// <summary>Appends waiting for the writer (tests wait until a burst is queued).</summary>
    internal int Queued => queue.Count;

    /// <summary>Runs of in-memory appends written with prepared statements rather than SaveChanges (SQLite).</summary>
    internal long PreparedRuns => Interlocked.Read(ref preparedRuns);

    /// <summary>Whether a writer runs now (tests: an empty queue alone does not say the writer has ended).</summary>
    internal bool Writing => Volatile.Read(ref draining) == 1;

    /// <summary>Whether the writer keeps its own context and connection open now (SQLite, between batches).</summary>
    internal bool HoldsConnection => Volatile.Read(ref writerDb) is not null;

    /// <summary>Starts the one writer unless it runs already.</summary>
    private void StartWriter()
    {
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            var starting = Stopwatch.GetTimestamp();
            _ = Task.Run(() =>
            {
                OrderMetrics.Since(metrics.WriterStart, starting);
                return DrainAsync();
            }, CancellationToken.None);
        }
    }

    /// <summary>The one writer at a time: writes batches while appends are queued, then ends (the next append starts another).</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            while (!queue.IsEmpty)
            {
                try
                {
                    await WriteBatchAsync();
                }
                catch (Exception ex)
                {
                    // A batch fails its own appends; this only keeps the writer alive past a bug in that bookkeeping.
                    OrdersLog.AuditWriterFailed(logger, ex);
                }
            }

            if (Volatile.Read(ref disposed) == 1)
            {
                ReleaseWriterContext();
            }

            Volatile.Write(ref draining, 0);

            // An append queued between the emptiness check and the line above found "draining" set and started nothing;
            // a Dispose in that moment found it set too and left the writer's context to it.
            var released = writerDb is null || Volatile.Read(ref disposed) == 0;
            if ((queue.IsEmpty && released) || Interlocked.CompareExchange(ref draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Takes the queued appends (in arrival order, at most <see cref="MaxBatch"/>) and commits them in one transaction.</summary>
    private async Task WriteBatchAsync()
    {
        var taken = Stopwatch.GetTimestamp();
        var batch = new List<Pending>();
        var intents = 0;
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                OrderMetrics.Since(metrics.QueueWait, next.QueuedAt);
                if (next.Work is NewIntentWork)
                {
                    OrderMetrics.Since(metrics.IntentQueueWait, next.QueuedAt);
                    intents++;
                }

                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        if (metrics.BatchAppends.Enabled)
        {
            metrics.BatchAppends.Record(batch.Count);
            metrics.BatchIntents.Record(intents);
        }

        var written = new List<OrderAuditEntry>?[batch.Count];
        var committed = 0L;
        ApplicationDbContext? db = null;
        try
        {
            db = await WriterContextAsync();
            await SetDurabilityAsync(db, batch);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.SerializeAuditAppendsAsync();
            OrderMetrics.Since(metrics.Open, taken);

            // Read under the lock, or on SQLite (this process the file's one writer) kept from the last committed batch;
            // the batch then extends the chain in memory, in order. Should anything else have appended meanwhile, the
            // unique sequence refuses the batch (no fork) and the next batch reads the end again.
            var reading = Stopwatch.GetTimestamp();
            var last = (db.Database.IsSqlite() ? head : null) ?? await db.OrderAudit.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new ChainEnd(a.Sequence, a.Hash)).FirstOrDefaultAsync() ?? new ChainEnd(0, AuditHash.Genesis);
            head = null;
            var batchStart = last;
            OrderMetrics.Since(metrics.ChainHead, reading);
            var now = time.GetUtcNow();
            for (var n = 0; n < batch.Count;)
            {
                if (batch[n].Work is DatabaseAuditWork work)
                {
                    last = await DecideInDatabaseAsync(db, transaction, batch[n], work, written, n, last, batchStart);
                    n++;
                    continue;
                }

                // A run of in-memory decisions up to the next database decision (or the end): one SaveChanges for all.
                var end = n;
                while (end < batch.Count && batch[end].Work is not DatabaseAuditWork)
                {
                    end++;
                }

                last = await DecideRunAsync(db, transaction, batch, n, end, written, last, now);
                n = end;
            }

            var committing = Stopwatch.GetTimestamp();
            await transaction.CommitAsync();
            OrderMetrics.Since(metrics.Commit, committing);
            OrderMetrics.Since(metrics.Batch, taken);
            if (intents > 0)
            {
                OrderMetrics.Since(metrics.IntentBatch, taken);
            }

            committed = Stopwatch.GetTimestamp();

            // Only a committed end is kept; a failed batch leaves it unset, so the next batch reads the database.
            head = last;
        }
        catch (Exception ex)
        {
            // Its intents were never written: the window of recent orders is read again from the database.
            recentOrders.Forget();

            // Whatever state the failure left the connection in, the next batch starts on a new one.
            if (db is not null && db == writerDb)
            {
                ReleaseWriterContext();
            }

            // Nothing of the batch is committed: every append still waiting hears why.
            foreach (var p in batch)
            {
                p.Fail(ex);
            }

            return;
        }
        finally
        {
            if (db is not null && db != writerDb)
            {
                await db.DisposeAsync();
            }

            limitsCache.BatchEnded();
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref appends, batch.Count);
        }

        for (var n = 0; n < batch.Count; n++)
        {
            if (written[n] is { } rows)
            {
                foreach (var row in rows)
                {
                    OrdersLog.Audited(logger, row.Sequence, row.Kind, row.IntentId);
                }

                batch[n].CommittedAt = Stopwatch.GetTimestamp();
                batch[n].Done.TrySetResult(rows);
            }
        }

        OrderMetrics.Since(metrics.Settle, committed);
    }

    /// <summary>
    /// Appends <paramref name="from"/> to <paramref name="to"/> (all decided in memory): their reads in a few queries,
    /// each decision in arrival order (one that throws fails alone and changes nothing), their rows chained in order,
    /// then ONE SaveChanges. A failing save throws: the whole batch then fails, nothing of it written.
    /// </summary>
    private async Task<ChainEnd> DecideRunAsync(
        ApplicationDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<Pending> batch, int from, int to, List<OrderAuditEntry>?[] written, ChainEnd last, DateTimeOffset now)
    {
        var reading = Stopwatch.GetTimestamp();
        var run = new AuditBatch(db, now, db.Database.IsSqlite() ? recentOrders : null);
        for (var n = from; n < to; n++)
        {
            batch[n].Work.Collect(run);
        }

        await run.LoadAsync(limitsCache, CancellationToken.None);
        OrderMetrics.Since(metrics.Prefetch, reading);
        var added = false;
        for (var n = from; n < to; n++)
        {
            var p = batch[n];
            var deciding = Stopwatch.GetTimestamp();
            try
            {
                var events = p.Cancellation.IsCancellationRequested ? null : p.Work.Decide(run);
                var rows = Chain(db, events, ref last);

                added |= rows.Count > 0;
                written[n] = rows;
            }
            catch (Exception ex)
            {
                // Its decision changed nothing (the contract of an in-memory decision) and added no row: it fails alone.
                p.Fail(ex);
            }

            OrderMetrics.Since(metrics.Decide, deciding);
        }

        var saving = Stopwatch.GetTimestamp();
        if (added)
        {
            if (prepared is not null && db == writerDb && prepared.TryWrite(transaction))
            {
                Interlocked.Increment(ref preparedRuns);
            }
            else
            {
                await db.SaveChangesAsync();
            }
        }

        db.ChangeTracker.Clear();
        OrderMetrics.Since(metrics.Save, saving);
        return last;
    }

    /// <summary>A decision that reads the database: alone in a savepoint, so it fails or records nothing alone.</summary>
    private async Task<ChainEnd> DecideInDatabaseAsync(
        ApplicationDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Pending p, DatabaseAuditWork work,
        List<OrderAuditEntry>?[] written, int n, ChainEnd last, ChainEnd batchStart)
    {
        var stage = Stopwatch.GetTimestamp();
        await transaction.CreateSavepointAsync("append");
        try
        {
            var deciding = Stopwatch.GetTimestamp();
            var events = p.Cancellation.IsCancellationRequested ? null : await work.DecideAsync(db, p.Cancellation);
            var decided = Stopwatch.GetElapsedTime(deciding);
            if (db.ChangeTracker.Entries<MemberTradingLimit>().Any() || db.ChangeTracker.Entries<TeamTradingHalt>().Any())
            {
                // A limits or halt row was read for change or written: later checks of this batch read the database.
                limitsCache.Suspend();
            }

            if (metrics.Decide.Enabled)
            {
                metrics.Decide.Record(decided.TotalMilliseconds);
            }

            var rows = Chain(db, events, ref last);

            if (rows.Count > 0)
            {
                await db.SaveChangesAsync();
            }
            else
            {
                // Nothing to record: whatever the decision changed is dropped with the savepoint.
                await transaction.RollbackToSavepointAsync("append");
            }

            await transaction.ReleaseSavepointAsync("append");
            written[n] = rows;
            if (metrics.Save.Enabled)
            {
                // The append's statements apart from its decision: savepoint, inserts and updates, release.
                metrics.Save.Record((Stopwatch.GetElapsedTime(stage) - decided).TotalMilliseconds);
            }
        }
        catch (Exception ex)
        {
            // This append alone is undone; the chain goes on from the row before it.
            await transaction.RollbackToSavepointAsync("append");
            await transaction.ReleaseSavepointAsync("append");
            // Its rows were chained in memory before the save failed: go back to the last row that was written.
            last = LastOf(written, n) ?? batchStart;
            p.Fail(ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return last;
    }

    /// <summary>Adds a decision's rows to the context, each chained to the one before; <paramref name="last"/> moves to the newest.</summary>
    private List<OrderAuditEntry> Chain(ApplicationDbContext db, IReadOnlyList<AuditEvent>? events, ref ChainEnd last)
    {
        var rows = new List<OrderAuditEntry>();
        foreach (var e in events ?? [])
        {
            var row = Row(e, last);
            db.OrderAudit.Add(row);
            rows.Add(row);
            last = new ChainEnd(row.Sequence, row.Hash);
        }

        return rows;
    }

    private OrderAuditEntry Row(AuditEvent e, ChainEnd last)
    {
        var row = new OrderAuditEntry
        {
            Sequence = last.Sequence + 1,
            At = Truncate(time.GetUtcNow()),
            MemberId = e.MemberId,
            ActorId = e.ActorId,
            ConnectionId = e.ConnectionId,
            IntentId = e.IntentId,
            Kind = e.Kind,
            StockCode = e.StockCode,
            Side = e.Side,
            Quantity = e.Quantity,
            Price = e.Price,
            TradeType = e.TradeType,
            OrderNumber = e.OrderNumber,
            Details = AuditText.Scrub(e.Details),
            PreviousHash = last.Hash,
            Hash = string.Empty,
        };
        row.Hash = AuditHash.Compute(row);
        return row;
    }

    /// <summary>The last row written by the appends before <paramref name="failed"/> in this batch, if any.</summary>
    private static ChainEnd? LastOf(List<OrderAuditEntry>?[] written, int failed)
    {
        for (var n = failed - 1; n >= 0; n--)
        {
            if (written[n] is { Count: > 0 } rows)
            {
                return new ChainEnd(rows[^1].Sequence, rows[^1].Hash);
            }
        }

        return null;
    }

    /// <summary>Re-computes every hash in order; reports the first row that does not fit.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expectedPrevious = AuditHash.Genesis;
        long expectedSequence = 1;
        long checkedRows = 0;
        await foreach (var row in db.OrderAudit.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedRows++;
            if (row.Sequence != expectedSequence)
            {
                return AuditVerification.BrokenAt(checkedRows, expectedSequence, $"row {expectedSequence} is missing");
            }

            if (!string.Equals(row.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return AuditVerification.BrokenAt(checkedRows, row.Sequence, "its previous hash does not match the row before");
            }

            if (!string.Equals(AuditHash.Compute(row), row.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.BrokenAt(checkedRows, row.Sequence, "its content does not match its hash");
            }

            expectedPrevious = row.Hash;
            expectedSequence++;
        }

        return AuditVerification.Intact(checkedRows);
    }

    /// <summary>
    /// The batch's context: on SQLite the writer's own, opened once and kept (until disposed or a batch fails);
    /// otherwise a new one the batch disposes.
    /// </summary>
    private async Task<ApplicationDbContext> WriterContextAsync()
    {
        if (writerDb is not null)
        {
            return writerDb;
        }

        var db = await dbFactory.CreateDbContextAsync();

        // Database decisions get a savepoint each; EF's extra one around every SaveChanges would only add statements.
        db.Database.AutoSavepointsEnabled = false;
        if (!db.Database.IsSqlite() || Volatile.Read(ref disposed) == 1)
        {
            return db;
        }

        try
        {
            await db.Database.OpenConnectionAsync();

            // Said, not assumed from the build's default: an intent's commit must reach the disk before its order TR.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
            prepared = new PreparedRows(db);
            writerDb = db;
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// On the kept SQLite connection: FULL unless every append of the batch records what the broker said (see the
    /// class's remarks). Set before the batch's transaction begins, and only when it changes.
    /// </summary>
    private async Task SetDurabilityAsync(ApplicationDbContext db, List<Pending> batch)
    {
        if (db != writerDb)
        {
            return;
        }

        var defer = batch.TrueForAll(p => p.Work.RecordsWhatTheBrokerSaid);
        if (defer != syncDeferred)
        {
            await db.Database.ExecuteSqlRawAsync(defer ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;");
            syncDeferred = defer;
        }
    }

    /// <summary>The kept connection's <c>PRAGMA synchronous</c> (1 NORMAL, 2 FULL), or null without one (tests, writer idle).</summary>
    internal long? WriterSynchronous()
    {
        if (writerDb is null)
        {
            return null;
        }

        using var command = writerDb.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the writer's own context (only the running writer, or Dispose holding the writer's place, calls it).</summary>
    private void ReleaseWriterContext()
    {
        if (syncDeferred && writerDb?.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection deferred)
        {
            // Not back to SQLite's pool at synchronous=NORMAL: another writer would get a connection that does not sync.
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(deferred);
        }

        syncDeferred = false;
        prepared?.Dispose();
        prepared = null;
        writerDb?.Dispose();
        writerDb = null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // A running writer releases its context when its queue is empty; an idle one is released here, holding the
        // writer's place so no batch can start on it meanwhile. Appends after this still work, a context per batch.
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            ReleaseWriterContext();
            Volatile.Write(ref draining, 0);
            if (!queue.IsEmpty)
            {
                StartWriter();
            }
        }
    }

    // The database keeps times to 0.1 ms (binary DateTimeOffset); hash what will be read back.
    private static DateTimeOffset Truncate(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private sealed record ChainEnd(long Sequence, string Hash);

    /// <summary>One caller's append, waiting in the queue until a batch takes it (or its caller withdraws it).</summary>
    private sealed class Pending(AuditWork work, CancellationToken cancellation)
    {
        private const int Queued = 0, Taken = 1, Withdrawn = 2;
        private int state;

        public AuditWork Work { get; } = work;

        public CancellationToken Cancellation { get; } = cancellation;

        public long QueuedAt { get; } = Stopwatch.GetTimestamp();

        /// <summary>Set just before <see cref="Done"/> completes (the caller's wake-up is timed from it).</summary>
        public long CommittedAt { get; set; }

        public TaskCompletionSource<IReadOnlyList<OrderAuditEntry>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryTake() => Interlocked.CompareExchange(ref state, Taken, Queued) == Queued;

        public bool TryWithdraw() => Interlocked.CompareExchange(ref state, Withdrawn, Queued) == Queued;

        public void Fail(Exception ex)
        {
            if (ex is OperationCanceledException oce)
            {
                Done.TrySetCanceled(oce.CancellationToken);
            }
            else
            {
                Done.TrySetException(ex);
            }
        }
    }
}
