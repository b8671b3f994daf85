using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Orders;

/// <summary>
/// What a run of in-memory appends decides on, read once for the whole run inside the writer's transaction:
/// the intents they name (tracked), each member's limits and the team halt (<see cref="TradingLimitsCache"/>),
/// and each member's orders of the last minute. Appends then see each other in order through it: an intent
/// added earlier in the run exists for a later one with the same id (SEC-19) and counts toward its member's
/// orders per minute, and a change to an intent is seen by the next change of the same intent.
/// </summary>
public sealed class AuditBatch
{
    private readonly HashSet<Guid> intentIds = [];
    private readonly HashSet<string> members = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, OrderIntent> intents = [];
    private readonly Dictionary<string, int> recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TradingLimits Limits, bool TeamHalted, string? TeamReason)> limits = new(StringComparer.Ordinal);

    private readonly RecentOrderWindow? window;

    /// <param name="window">The writer's in-memory count of each member's last minute (SQLite); null: counted in the database.</param>
    internal AuditBatch(ApplicationDbContext db, DateTimeOffset now, RecentOrderWindow? window = null)
    {
        Db = db;
        Now = now;
        this.window = window;
    }

    public ApplicationDbContext Db { get; }

    /// <summary>The run's one clock reading: every intent of the run is created at it, and the last minute is counted back from it.</summary>
    public DateTimeOffset Now { get; }

    internal void NeedIntent(Guid id) => intentIds.Add(id);

    internal void NeedMember(string memberId) => members.Add(memberId);

    /// <summary>One query for the intents, one for the per-minute counts, and the limits (cached by the writer, read on a miss).</summary>
    internal async Task LoadAsync(TradingLimitsCache cache, CancellationToken ct)
    {
        if (intentIds.Count > 0)
        {
            var ids = intentIds.ToList();
            foreach (var intent in await Db.OrderIntents.Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            {
                intents[intent.Id] = intent;
            }
        }

        if (members.Count > 0)
        {
            var memberIds = members.ToList();
            var minuteAgo = Now.AddMinutes(-1);
            if (window is null)
            {
                var counts = await Db.OrderIntents
                    .Where(i => memberIds.Contains(i.MemberId) && i.Action != OrderAction.Cancel && i.CreatedAt > minuteAgo)
                    .GroupBy(i => i.MemberId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                foreach (var c in counts)
                {
                    recent[c.Key] = c.Count;
                }
            }
            else
            {
                var unknown = memberIds.Where(m => !window.Knows(m)).ToList();
                if (unknown.Count > 0)
                {
                    var times = await Db.OrderIntents
                        .Where(i => unknown.Contains(i.MemberId) && i.Action != OrderAction.Cancel && i.CreatedAt > minuteAgo)
                        .Select(i => new { i.MemberId, i.CreatedAt }).ToListAsync(ct);
                    foreach (var member in unknown)
                    {
                        window.Seed(member, times.Where(t => t.MemberId == member).Select(t => t.CreatedAt));
                    }
                }

                foreach (var member in memberIds)
                {
                    recent[member] = window.Count(member, minuteAgo);
                }
            }

            foreach (var member in memberIds)
            {
                limits[member] = await cache.ReadAsync(Db, member, ct);
            }
        }
    }

    /// <summary>The intent with this id: in the database or added earlier in this run; null when neither.</summary>
    public OrderIntent? Intent(Guid id) => intents.GetValueOrDefault(id);

    public (TradingLimits Limits, bool TeamHalted, string? TeamReason) Limits(string memberId) =>
        limits.TryGetValue(memberId, out var l) ? l : throw new InvalidOperationException("The member's limits were not read for this run.");

    /// <summary>The member's orders (not cancels) created in the minute before <see cref="Now"/>, this run's included.</summary>
    public int RecentOrders(string memberId) => recent.GetValueOrDefault(memberId);

    /// <summary>Adds a new intent to the run (saved with it), visible to the appends after it.</summary>
    public void Add(OrderIntent intent)
    {
        Db.OrderIntents.Add(intent);
        intents[intent.Id] = intent;
        if (intent.Action != OrderAction.Cancel)
        {
            recent[intent.MemberId] = recent.GetValueOrDefault(intent.MemberId) + 1;
            window?.Added(intent.MemberId, intent.CreatedAt);
        }
    }
}
