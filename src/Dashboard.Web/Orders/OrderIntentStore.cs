using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Orders;

/// <summary>
/// Changes an intent's state together with its audit row, in the audit writer's transaction, then tells
/// the member's pages. Every state change of an order goes through here.
/// </summary>
public sealed class OrderIntentStore(OrderAuditLog audit, OrderEvents events, TimeProvider time)
{
    /// <summary>
    /// Applies <paramref name="change"/> to intent <paramref name="intentId"/>; it returns the audit event,
    /// or null when there is nothing to record (then nothing is saved or published). It sees the intent only
    /// (decided in memory with the rest of the writer's run, one SaveChanges and one commit for all).
    /// </summary>
    public async Task<OrderView?> ChangeAsync(Guid intentId, Func<OrderIntent, AuditEvent?> change, CancellationToken ct = default)
    {
        var work = new IntentChangeWork(intentId, change);
        await audit.AppendAsync(work, ct);
        if (work.View is not { } view || work.Recorded is not { } recorded)
        {
            return null;
        }

        events.Publish(work.MemberId!, new OrderUpdate(recorded.Kind, view, recorded.Details));
        return view;
    }

    /// <summary>As above, for a change that reads the database first (inside the writer's transaction).</summary>
    public async Task<OrderView?> ChangeAsync(Guid intentId, Func<OrderIntent, ApplicationDbContext, CancellationToken, Task<AuditEvent?>> change, CancellationToken ct = default)
    {
        OrderIntent? changed = null;
        AuditEvent? recorded = null;
        await audit.AppendAsync(async (db, token) =>
        {
            var intent = await db.OrderIntents.SingleOrDefaultAsync(i => i.Id == intentId, token);
            if (intent is null || await change(intent, db, token) is not { } e)
            {
                return null;
            }

            intent.UpdatedAt = time.GetUtcNow();
            changed = intent;
            recorded = e;
            return e;
        }, ct);

        if (changed is null || recorded is null)
        {
            return null;
        }

        var view = OrderView.From(changed);
        events.Publish(changed.MemberId, new OrderUpdate(recorded.Kind, view, recorded.Details));
        return view;
    }

    /// <summary>
    /// The outcome of a modify or cancel: <paramref name="change"/> to the amending intent and
    /// <paramref name="changeTarget"/> to the order it amends (given the changed intent) commit together and
    /// reach the pages as ONE update. Two commits used to leave the pages showing the moved shares open on both
    /// orders for as long as the second commit took (seconds on a busy disk). Nothing is saved or published
    /// when <paramref name="change"/> returns null; the target keeps its state when its change returns null.
    /// </summary>
    public async Task<(OrderView? Changed, OrderView? Target)> ChangeWithTargetAsync(
        Guid intentId, Func<OrderIntent, AuditEvent?> change, Func<OrderIntent, OrderIntent, long, AuditEvent?> changeTarget, CancellationToken ct = default)
    {
        OrderIntent? changed = null;
        OrderIntent? target = null;
        AuditEvent? recorded = null;
        await audit.AppendAllAsync(async (db, token) =>
        {
            var intent = await db.OrderIntents.SingleOrDefaultAsync(i => i.Id == intentId, token);
            if (intent?.TargetIntentId is not { } targetId || change(intent) is not { } e)
            {
                return null;
            }

            var now = time.GetUtcNow();
            intent.UpdatedAt = now;
            List<AuditEvent> rows = [e];
            var original = await db.OrderIntents.SingleOrDefaultAsync(i => i.Id == targetId, token);

            // The amend's own number keys its effect on the original: a 00 push of the same cancel may have been applied first.
            if (original is not null && !(intent.OrderNumber is { } amend && await AmendAppliedAsync(db, original.Id, amend, token))
                && changeTarget(original, intent, await AmendedAsync(db, original.Id, token)) is { } t)
            {
                original.UpdatedAt = now;
                rows.Add(t with { OrderNumber = intent.OrderNumber ?? t.OrderNumber });
                target = original;
            }

            changed = intent;
            recorded = e;
            return rows;
        }, ct);

        if (changed is null || recorded is null)
        {
            return (null, null);
        }

        var view = OrderView.From(changed);
        var targetView = target is null ? null : OrderView.From(target);
        events.Publish(changed.MemberId, new OrderUpdate(recorded.Kind, view, recorded.Details, targetView));
        return (view, targetView);
    }

    /// <summary>
    /// Whether the modify or cancel with order number <paramref name="amendNumber"/> was already applied to intent
    /// <paramref name="targetId"/>: its Cancelled or Modified row carries the amend's number. The REST answer, a 00 push
    /// and reconciliation can each report the same cancel; whichever comes first applies it, the others find this row.
    /// Read inside the writer's transaction, so rows of the running batch count too.
    /// </summary>
    public static Task<bool> AmendAppliedAsync(ApplicationDbContext db, Guid targetId, string amendNumber, CancellationToken ct) =>
        db.OrderAudit.AsNoTracking().AnyAsync(
            a => a.IntentId == targetId && (a.Kind == OrderAuditKind.Cancelled || a.Kind == OrderAuditKind.Modified) && a.OrderNumber == amendNumber, ct);

    /// <summary>
    /// The shares cancels and modifies took off intent <paramref name="targetId"/> so far (its Cancelled and Modified rows;
    /// the original's own confirmations are Reconciled rows and not among them). Read inside the writer's transaction.
    /// </summary>
    public static async Task<long> AmendedAsync(ApplicationDbContext db, Guid targetId, CancellationToken ct) =>
        await db.OrderAudit.AsNoTracking()
            .Where(a => a.IntentId == targetId && (a.Kind == OrderAuditKind.Cancelled || a.Kind == OrderAuditKind.Modified))
            .SumAsync(a => a.Quantity, ct) ?? 0;

    public static AuditEvent Event(OrderIntent i, OrderAuditKind kind, string actor, string? details = null, long? quantity = null, long? price = null) =>
        new(kind, i.MemberId, actor, i.ConnectionId, i.Id, i.StockCode, i.Side, quantity ?? i.Quantity, price ?? i.Price, i.TradeType, i.OrderNumber, details);
}
