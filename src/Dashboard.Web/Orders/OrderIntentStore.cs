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
    /// or null when there is nothing to record (then nothing is saved or published).
    /// </summary>
    public async Task<OrderView?> ChangeAsync(Guid intentId, Func<OrderIntent, ApplicationDbContext, AuditEvent?> change, CancellationToken ct = default)
    {
        OrderIntent? changed = null;
        AuditEvent? recorded = null;
        await audit.AppendAsync(async (db, token) =>
        {
            var intent = await db.OrderIntents.SingleOrDefaultAsync(i => i.Id == intentId, token);
            if (intent is null || change(intent, db) is not { } e)
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

    public static AuditEvent Event(OrderIntent i, OrderAuditKind kind, string actor, string? details = null, long? quantity = null, long? price = null) =>
        new(kind, i.MemberId, actor, i.ConnectionId, i.Id, i.StockCode, i.Side, quantity ?? i.Quantity, price ?? i.Price, i.TradeType, i.OrderNumber, details);
}
