using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Orders;

/// <summary>
/// The members' limits and the team halt as the audit writer last read them, so an order's pre-trade check
/// does not query both tables again (two of its four reads inside the single writer). Used and changed only
/// inside the writer, which serializes every append, so the cache is ordered with the changes exactly as the
/// database is: a batch that touches a limits or halt row (admin pages write them through the writer) makes
/// the writer <see cref="Suspend"/> it at once, the rest of that batch reads the database (its own uncommitted
/// change included), and the next batch starts empty and reads what was committed, whether the change's batch
/// committed or rolled back. Only on SQLite, where this process is the file's one writer; on PostgreSQL other
/// instances change limits too, so every check reads them.
/// </summary>
public sealed class TradingLimitsCache(IOptions<OrdersOptions> options)
{
    private readonly Dictionary<string, TradingLimits> members = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private (bool Halted, string? Reason)? team;
    private bool suspended;

    /// <summary>Reads of this and the previous batches that came from the database, not the cache (tests look).</summary>
    public long Reads { get; private set; }

    public async Task<(TradingLimits Limits, bool TeamHalted, string? TeamReason)> ReadAsync(ApplicationDbContext db, string memberId, CancellationToken ct)
    {
        var cacheable = db.Database.IsSqlite();
        TradingLimits? limits = null;
        (bool Halted, string? Reason)? halt = null;
        lock (gate)
        {
            if (cacheable && !suspended)
            {
                limits = members.GetValueOrDefault(memberId);
                halt = team;
            }
        }

        if (limits is null)
        {
            var row = await db.MemberTradingLimits.AsNoTracking().SingleOrDefaultAsync(l => l.MemberId == memberId, ct);
            limits = row is null
                ? TradingLimits.Defaults(options.Value)
                : new TradingLimits(row.MaxOrderValue, row.MaxQuantity, row.PriceCollarPercent, row.MaxOrdersPerMinute, row.AllowSimulator, row.AllowMock, row.AllowProduction, row.Halted, row.HaltReason);
            Keep(cacheable, () => members[memberId] = limits);
        }

        if (halt is null)
        {
            var row = await db.TeamTradingHalts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == TeamTradingHalt.SingletonId, ct);
            var read = (row?.Halted == true, row?.Reason);
            halt = read;
            Keep(cacheable, () => team = read);
        }

        return (limits, halt.Value.Halted, halt.Value.Reason);
    }

    /// <summary>
    /// The writer saw a limits or halt row in a decision of the running batch: forget everything, and neither use
    /// nor fill the cache until the batch has ended.
    /// </summary>
    internal void Suspend()
    {
        lock (gate)
        {
            suspended = true;
            members.Clear();
            team = null;
        }
    }

    /// <summary>The writer's batch ended (committed or rolled back): after a suspension, start again from the database.</summary>
    internal void BatchEnded()
    {
        lock (gate)
        {
            if (suspended)
            {
                suspended = false;
                members.Clear();
                team = null;
            }
        }
    }

    private void Keep(bool cacheable, Action keep)
    {
        lock (gate)
        {
            Reads++;
            if (cacheable && !suspended)
            {
                keep();
            }
        }
    }
}
