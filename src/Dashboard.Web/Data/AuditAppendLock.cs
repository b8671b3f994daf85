using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Web.Data;

/// <summary>
/// Serializes audit appends across processes. The audit writer's semaphore covers one process; on SQLite
/// the transaction is already IMMEDIATE (one writer per file). On PostgreSQL several instances append to one
/// chain, so each append first takes a transaction-scoped advisory lock: the read of the last hash and the
/// insert of the next row cannot interleave with another instance's, and the lock ends with the transaction.
/// </summary>
public static class AuditAppendLock
{
    // Any fixed 64-bit number, private to this chain ("KiwoomAu" in ASCII).
    private const long ChainLockKey = 0x4B69776F6F6D4175;

    /// <summary>Call first inside the append's transaction.</summary>
    public static async Task SerializeAuditAppendsAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
        }
    }
}
