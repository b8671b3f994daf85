using System.Globalization;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>
/// What a 00 push (주문체결) means for the intent it belongs to: a fill, a cancel confirmed by Kiwoom
/// (an IOC remainder, a cancel from another app) or a late rejection. Pure and idempotent; the tracker applies it.
/// </summary>
public static class OrderExecutions
{
    /// <summary>The order number the push is about: the original order for cancels and modifications.</summary>
    public static string? TargetNumber(OrderExecution e) =>
        IsCancel(e) ? OrderRequests.NormalizeNumber(e.OriginalOrderNumber) : OrderRequests.NormalizeNumber(e.OrderNumber);

    /// <summary>
    /// Whether the push can change an intent at all: a fill, a rejection, a cancel order's own push, or the original
    /// order's own confirmation of a cancel or modify (its FID 902 says what stays open). The others (접수, a modify's
    /// new order) are not taken to the database: one per order would otherwise queue a lookup and an empty append in
    /// the single audit writer beside every real change.
    /// </summary>
    public static bool CanChange(OrderExecution e) => e.Status switch
    {
        "체결" or "거부" => true,
        "취소" or "확인" => IsCancel(e) || !IsModify(e),
        _ => false,
    };

    /// <summary>
    /// Applies the push to <paramref name="intent"/>; null when it changes nothing. <paramref name="amendedBefore"/>: the
    /// shares earlier cancels and modifies took off the intent (its Cancelled and Modified rows), for a cancel's own push.
    /// </summary>
    public static AuditEvent? Apply(OrderIntent intent, OrderExecution e, long? amendedBefore = null)
    {
        switch (e.Status)
        {
            case "체결":
                var quantity = e.UnitFillQuantity ?? e.FillQuantity ?? 0;
                var price = e.UnitFillPrice ?? e.FillPrice ?? 0;
                if (quantity <= 0 || intent.OpenQuantity <= 0)
                {
                    return null;
                }

                // Idempotent by the order's unfilled quantity, which only ever goes down: a push that leaves as many
                // shares open as the intent already holds was counted before (read back from Kiwoom's lists after a
                // gap, its push arriving late), and one overlapping such a read-back counts only what is new.
                if (e.UnfilledQuantity is { } left)
                {
                    if (left >= intent.OpenQuantity)
                    {
                        return null;
                    }

                    quantity = Math.Min(quantity, intent.OpenQuantity - left);
                }

                quantity = Math.Min(quantity, intent.OpenQuantity);
                intent.FilledQuantity += quantity;
                intent.FilledAmount += quantity * price;
                intent.OpenQuantity = Math.Min(intent.OpenQuantity - quantity, e.UnfilledQuantity ?? long.MaxValue);
                intent.State = intent.OpenQuantity == 0 ? OrderState.Filled : OrderState.PartiallyFilled;
                return OrderIntentStore.Event(
                    intent, intent.State == OrderState.Filled ? OrderAuditKind.Fill : OrderAuditKind.PartialFill, AuditEvent.System,
                    string.Create(CultureInfo.InvariantCulture, $"filled {quantity:N0} at {price:N0}; {intent.OpenQuantity:N0} open; execution {e.ExecutionNumber}"),
                    quantity, price);
            case "취소" or "확인" when IsCancel(e) && intent.OpenQuantity > 0:
                // The cancel order's push: FID 900 is how many shares it cancelled, which may be part of what is open
                // (cncl_qty below the remainder); the rest stays open. No quantity given: all of it, as Kiwoom's "0".
                var (cancelled, open) = Amend(intent, e.OrderQuantity ?? 0, amendedBefore);
                intent.OpenQuantity = open;
                if (intent.OpenQuantity == 0)
                {
                    intent.State = OrderState.Cancelled;
                }

                return OrderIntentStore.Event(
                    intent, OrderAuditKind.Cancelled, AuditEvent.System,
                    string.Create(CultureInfo.InvariantCulture, $"{cancelled:N0} cancelled by order {CancelNumber(e)} (confirmed by Kiwoom, 00); {intent.OpenQuantity:N0} open"),
                    cancelled) with { OrderNumber = CancelNumber(e) ?? intent.OrderNumber };
            case "취소" or "확인" when !IsCancel(e) && !IsModify(e):
                return Confirmed(intent, e);
            case "거부" when intent.State is OrderState.Accepted or OrderState.Sent or OrderState.UnknownOutcome:
                intent.OpenQuantity = 0;
                intent.State = OrderState.Rejected;
                intent.Message = "rejected by the exchange: " + e.RejectReason;
                return OrderIntentStore.Event(intent, OrderAuditKind.Rejected, AuditEvent.System, intent.Message);
            default:
                return null;
        }
    }

    /// <summary>
    /// A cancel or modify taking <paramref name="requested"/> shares (0: all) off <paramref name="target"/>: how many it
    /// takes and what stays open. Counted from what the earlier amends took (<paramref name="amendedBefore"/>), not from
    /// the open quantity alone: the original's own confirmation (FID 902) may have lowered that already, and the shares
    /// are never taken twice. Without <paramref name="amendedBefore"/>, from the open quantity.
    /// </summary>
    public static (long Moved, long Open) Amend(OrderIntent target, long requested, long? amendedBefore)
    {
        var remaining = amendedBefore is { } before ? Math.Max(0, target.Quantity - target.FilledQuantity - before) : target.OpenQuantity;
        var moved = requested > 0 ? Math.Min(requested, remaining) : remaining;
        return (moved, Math.Max(0, Math.Min(target.OpenQuantity, remaining - moved)));
    }

    /// <summary>
    /// The original order's own push after a cancel or modify (made here or elsewhere): FID 902 is what Kiwoom still
    /// holds open. It only ever lowers the open quantity; the amend's own push or answer then takes nothing twice (<see cref="Amend"/>).
    /// </summary>
    private static AuditEvent? Confirmed(OrderIntent intent, OrderExecution e)
    {
        if (intent.State is not (OrderState.Accepted or OrderState.PartiallyFilled) || e.UnfilledQuantity is not { } left || left >= intent.OpenQuantity)
        {
            return null;
        }

        var before = intent.OpenQuantity;
        intent.OpenQuantity = Math.Max(0, left);
        if (intent.OpenQuantity == 0)
        {
            // 취소: the rest cancelled; 확인 with nothing left: moved to a modify's new order.
            intent.State = e.Status == "취소" ? OrderState.Cancelled : OrderState.Replaced;
        }

        return OrderIntentStore.Event(
            intent, OrderAuditKind.Reconciled, AuditEvent.System,
            string.Create(CultureInfo.InvariantCulture, $"Kiwoom confirms {intent.OpenQuantity:N0} of {before:N0} open after a cancel or modify (00 {e.Status})"),
            before - intent.OpenQuantity);
    }

    /// <summary>The cancel order's own number, when the push is a cancel's (it keys the cancel's effect on its original).</summary>
    public static string? CancelNumber(OrderExecution e) => IsCancel(e) ? OrderRequests.NormalizeNumber(e.OrderNumber) : null;

    private static bool IsCancel(OrderExecution e) => e.OrderKind.Contains("취소", StringComparison.Ordinal);

    private static bool IsModify(OrderExecution e) => e.OrderKind.Contains("정정", StringComparison.Ordinal);
}
