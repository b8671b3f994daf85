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
    /// Whether the push can change an intent at all: a fill, a cancel confirmation or a rejection. The others (접수,
    /// the original's own 확인 of a modify) are not taken to the database: one per order would otherwise queue a
    /// lookup and an empty append in the single audit writer beside every real change.
    /// </summary>
    public static bool CanChange(OrderExecution e) => e.Status switch
    {
        "체결" or "거부" => true,
        "취소" or "확인" => IsCancel(e),
        _ => false,
    };

    /// <summary>Applies the push to <paramref name="intent"/>; null when it changes nothing.</summary>
    public static AuditEvent? Apply(OrderIntent intent, OrderExecution e)
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
                var cancelled = e.OrderQuantity is > 0 and var q ? Math.Min(q, intent.OpenQuantity) : intent.OpenQuantity;
                intent.OpenQuantity -= cancelled;
                if (intent.OpenQuantity == 0)
                {
                    intent.State = OrderState.Cancelled;
                }

                return OrderIntentStore.Event(
                    intent, OrderAuditKind.Cancelled, AuditEvent.System,
                    string.Create(CultureInfo.InvariantCulture, $"{cancelled:N0} cancelled by order {CancelNumber(e)} (confirmed by Kiwoom, 00); {intent.OpenQuantity:N0} open"),
                    cancelled) with { OrderNumber = CancelNumber(e) ?? intent.OrderNumber };
            case "거부" when intent.State is OrderState.Accepted or OrderState.Sent or OrderState.UnknownOutcome:
                intent.OpenQuantity = 0;
                intent.State = OrderState.Rejected;
                intent.Message = "rejected by the exchange: " + e.RejectReason;
                return OrderIntentStore.Event(intent, OrderAuditKind.Rejected, AuditEvent.System, intent.Message);
            default:
                return null;
        }
    }

    /// <summary>The cancel order's own number, when the push is a cancel's (it keys the cancel's effect on its original).</summary>
    public static string? CancelNumber(OrderExecution e) => IsCancel(e) ? OrderRequests.NormalizeNumber(e.OrderNumber) : null;

    private static bool IsCancel(OrderExecution e) => e.OrderKind.Contains("취소", StringComparison.Ordinal);
}
