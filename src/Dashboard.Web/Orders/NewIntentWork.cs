using System.Diagnostics;
using System.Globalization;
using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>
/// A new intent's pre-trade checks and its Intent and Sent rows, decided in memory inside the writer's run:
/// the id not seen before (in the database or earlier in the run: SEC-19), the member's limits and the team halt,
/// the orders of the last minute (SEC-20). Refused: one PreTradeRejected row and no intent.
/// </summary>
internal sealed class NewIntentWork(OrderIntent draft, PreTradeOrder check, string sent, OrderMetrics metrics) : AuditWork
{
    /// <summary>The same member's intent with this id, when it already exists (no row is written).</summary>
    public OrderView? Duplicate { get; private set; }

    public OrderRejection? Refusal { get; private set; }

    /// <summary>The intent was added with its Intent and Sent rows (committed once the caller is released).</summary>
    public bool Recorded { get; private set; }

    internal override void Collect(AuditBatch batch)
    {
        batch.NeedIntent(draft.Id);
        batch.NeedMember(draft.MemberId);
    }

    internal override IReadOnlyList<AuditEvent>? Decide(AuditBatch batch)
    {
        var checking = Stopwatch.GetTimestamp();
        if (batch.Intent(draft.Id) is { } existing)
        {
            Duplicate = existing.MemberId == draft.MemberId ? OrderView.From(existing) : null;
            Refusal = Duplicate is null ? OrderRejection.Of("Intent") : null;
            return null;
        }

        var (limits, teamHalted, teamReason) = batch.Limits(draft.MemberId);
        var rejection = PreTradeChecks.Check(check, limits, teamReason, teamHalted, batch.RecentOrders(draft.MemberId));
        OrderMetrics.Since(metrics.PreTradeChecks, checking);
        if (rejection is not null)
        {
            Refusal = rejection;
            return [OrderService.Refusal(draft, draft.MemberId, rejection)];
        }

        draft.State = OrderState.Sent;
        draft.OpenQuantity = 0;
        draft.CreatedAt = batch.Now;
        draft.UpdatedAt = batch.Now;
        AuditEvent[] rows =
        [
            OrderIntentStore.Event(draft, OrderAuditKind.Intent, draft.MemberId, string.Create(CultureInfo.InvariantCulture, $"{draft.Action} {draft.Product} on {draft.Environment}")),
            OrderIntentStore.Event(draft, OrderAuditKind.Sent, draft.MemberId, sent),
        ];
        batch.Add(draft);
        Recorded = true;
        return rows;
    }
}
