using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Orders;

/// <summary>
/// The one writer of the hash-chained order audit (SEC-18). Appends are serialized in-process so the
/// sequence and the chain never fork, and each runs in an immediate transaction with the database's busy
/// timeout, so a concurrent writer elsewhere (watchlists, connections) waits instead of failing with
/// "database is locked" (REL-12). Changes that must commit together with their audit row (an intent,
/// its new state) are made in the same transaction.
/// </summary>
public sealed class OrderAuditLog(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider time, ILogger<OrderAuditLog> logger) : IDisposable
{
    private readonly SemaphoreSlim writer = new(1, 1);

    public Task<OrderAuditEntry?> AppendAsync(AuditEvent e, CancellationToken ct = default) =>
        AppendAsync((_, _) => Task.FromResult<AuditEvent?>(e), ct);

    /// <summary>
    /// Runs <paramref name="decide"/> inside the writer's transaction: it may read and change rows, and
    /// returns the event to append, or null to append nothing and roll its changes back.
    /// </summary>
    public async Task<OrderAuditEntry?> AppendAsync(Func<ApplicationDbContext, CancellationToken, Task<AuditEvent?>> decide, CancellationToken ct = default)
    {
        await writer.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.SerializeAuditAppendsAsync(ct);
            if (await decide(db, ct) is not { } e)
            {
                return null;
            }

            var last = await db.OrderAudit.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var row = new OrderAuditEntry
            {
                Sequence = (last?.Sequence ?? 0) + 1,
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
                PreviousHash = last?.Hash ?? AuditHash.Genesis,
                Hash = string.Empty,
            };
            row.Hash = AuditHash.Compute(row);
            db.OrderAudit.Add(row);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            OrdersLog.Audited(logger, row.Sequence, row.Kind, row.IntentId);
            return row;
        }
        finally
        {
            writer.Release();
        }
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

    public void Dispose() => writer.Dispose();

    // The database keeps times to 0.1 ms (binary DateTimeOffset); hash what will be read back.
    private static DateTimeOffset Truncate(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
