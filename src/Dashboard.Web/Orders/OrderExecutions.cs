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
    /// Whether the push can change an intent at all: a fill, a rejection, a cancel order's own push, the original
    /// order's own confirmation of a cancel or modify (its FID 902 says what stays open), or a modify's new order taken
    /// (접수: FID 900 says how many shares really moved to it). The others (a new order's 접수) are not taken to the
    /// database: one per order would otherwise queue a lookup and an empty append in the single audit writer beside
    /// every real change.
    /// </summary>
    public static bool CanChange(OrderExecution e) => e.Status switch
    {
        "체결" or "거부" => true,
        "취소" or "확인" => IsCancel(e) || !IsModify(e),
        "접수" => IsModify(e),
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
                return Filled(intent, e);
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
            case "접수" when IsModify(e) && intent.Action == OrderAction.Modify:
                return Moved(intent, e);
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
    /// A fill push: counts the shares it shows that the intent has not counted yet, and only those (a late duplicate, or
    /// a fill already read back from Kiwoom's lists, counts nothing). First the unfilled quantity (FID 902), which only
    /// ever goes down, while the intent is open: below what we hold open, new; equal, counted before. When it cannot tell
    /// (nothing open in our records, or Kiwoom holding more open than we do), the cumulative filled amount (FID 903), which
    /// only ever goes up, whatever our records assumed about the open shares. The second one keeps a fill that raced a
    /// cancel or modify at the exchange: the answer came first and took the shares off as if none had filled (open 0, or
    /// fewer open than Kiwoom still held), and the fill must still be counted; the amend then took fewer shares than
    /// recorded, which the fill's row says.
    /// </summary>
    private static AuditEvent? Filled(OrderIntent intent, OrderExecution e)
    {
        var quantity = e.UnitFillQuantity ?? e.FillQuantity ?? 0;
        var price = e.UnitFillPrice ?? e.FillPrice ?? 0;
        var shares = NewShares(intent, e, quantity, price);
        if (shares <= 0)
        {
            return null;
        }

        // Shares beyond what our records held open were taken by an amend recorded ahead of this fill (the fill came first).
        var overAmended = Math.Max(0, shares - intent.OpenQuantity);
        intent.FilledQuantity += shares;
        intent.FilledAmount += shares * price;
        intent.OpenQuantity = Math.Min(Math.Max(0, intent.OpenQuantity - shares), e.UnfilledQuantity ?? long.MaxValue);
        if (intent.State is not (OrderState.Cancelled or OrderState.Replaced))
        {
            intent.State = intent.OpenQuantity == 0 ? OrderState.Filled : OrderState.PartiallyFilled;
        }

        var correction = overAmended == 0 ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; filled before the {(intent.State == OrderState.Replaced ? "modify" : "cancel")} reached the exchange: it took {overAmended:N0} fewer than recorded");
        return OrderIntentStore.Event(
            intent, intent.State == OrderState.Filled ? OrderAuditKind.Fill : OrderAuditKind.PartialFill, AuditEvent.System,
            string.Create(CultureInfo.InvariantCulture, $"filled {shares:N0} at {price:N0}; {intent.OpenQuantity:N0} open; execution {e.ExecutionNumber}{correction}"),
            shares, price);
    }

    /// <summary>The shares of a fill push not counted yet (see <see cref="Filled"/>); 0 when it was counted before.</summary>
    private static long NewShares(OrderIntent intent, OrderExecution e, long quantity, long price)
    {
        if (quantity <= 0)
        {
            return 0;
        }

        if (intent.OpenQuantity > 0)
        {
            if (e.UnfilledQuantity is not { } left)
            {
                return Math.Min(quantity, intent.OpenQuantity);
            }

            if (left < intent.OpenQuantity)
            {
                // One overlapping a read-back counts only what is new. But a partial cancel or modify recorded ahead of this
                // fill (not at the exchange yet when it filled) lowered our open quantity below Kiwoom's, and the gap then
                // shows too few: the cumulative amount, when it says more, counts them all.
                return Math.Max(Math.Min(quantity, intent.OpenQuantity - left), ByAmount(intent, e, quantity, price));
            }

            if (left == intent.OpenQuantity)
            {
                // Exactly what our records hold open: counted before (read back from the lists, or a repeat).
                return 0;
            }

            // Kiwoom still held more open than our records: an amend recorded here had not reached the exchange yet.
        }

        // Not new by the unfilled quantity (or nothing left open in our records): see the cumulative amount.
        return ByAmount(intent, e, quantity, price);
    }

    /// <summary>
    /// The shares of a fill push not counted yet by Kiwoom's cumulative filled amount (FID 903): new only as far as it is
    /// ahead of ours by whole shares at this price. Ours may be below Kiwoom's by less than a share (a read-back at a
    /// rounded average price), never above: rounding down never counts a share twice.
    /// </summary>
    private static long ByAmount(OrderIntent intent, OrderExecution e, long quantity, long price)
    {
        if (e.CumulativeFilledAmount is not { } total || price <= 0
            || intent.State is not (OrderState.Accepted or OrderState.PartiallyFilled or OrderState.Cancelled or OrderState.Replaced))
        {
            return 0;
        }

        var uncounted = Math.Max(0, total - intent.FilledAmount) / price;
        return Math.Min(Math.Min(quantity, uncounted), Math.Max(0, intent.Quantity - intent.FilledQuantity));
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

        if (e.Status == "취소")
        {
            // The rest is cancelled, whichever cancel did it (ours or another app's): audited as a cancel, once. The cancel's
            // own push and our answer come after it find nothing left to take (Amend moves 0) and add no second row.
            return OrderIntentStore.Event(
                intent, OrderAuditKind.Cancelled, AuditEvent.System,
                string.Create(CultureInfo.InvariantCulture, $"{before - intent.OpenQuantity:N0} cancelled (confirmed by Kiwoom on the order itself, 00 취소); {intent.OpenQuantity:N0} open"),
                before - intent.OpenQuantity);
        }

        return OrderIntentStore.Event(
            intent, OrderAuditKind.Reconciled, AuditEvent.System,
            string.Create(CultureInfo.InvariantCulture, $"Kiwoom confirms {intent.OpenQuantity:N0} of {before:N0} open after a cancel or modify (00 {e.Status})"),
            before - intent.OpenQuantity);
    }

    /// <summary>
    /// A modify's new order as Kiwoom took it (접수): FID 900 is what moved to it, the shares of the original still open
    /// when the modify took effect. Fewer than we asked when part of the original filled while the modify was on its way:
    /// the new order then carries what really moved, never the requested quantity (which would show and reserve shares
    /// that were bought or sold already). It only ever lowers the quantity, so a repeat changes nothing.
    /// </summary>
    private static AuditEvent? Moved(OrderIntent intent, OrderExecution e)
    {
        if (e.OrderQuantity is not { } moved || moved <= 0 || moved >= intent.Quantity
            || intent.State is not (OrderState.Accepted or OrderState.PartiallyFilled or OrderState.Filled))
        {
            return null;
        }

        var asked = intent.Quantity;
        intent.Quantity = moved;
        intent.OpenQuantity = Math.Max(0, Math.Min(intent.OpenQuantity, moved - intent.FilledQuantity));
        if (intent.OpenQuantity == 0)
        {
            intent.State = intent.FilledQuantity > 0 ? OrderState.Filled : OrderState.Cancelled;
        }

        return OrderIntentStore.Event(
            intent, OrderAuditKind.Reconciled, AuditEvent.System,
            string.Create(CultureInfo.InvariantCulture, $"Kiwoom moved {moved:N0} of the {asked:N0} asked to order {intent.OrderNumber} (00 접수): the rest of the original filled first; {intent.OpenQuantity:N0} open"),
            moved);
    }

    /// <summary>The cancel order's own number, when the push is a cancel's (it keys the cancel's effect on its original).</summary>
    public static string? CancelNumber(OrderExecution e) => IsCancel(e) ? OrderRequests.NormalizeNumber(e.OrderNumber) : null;

    private static bool IsCancel(OrderExecution e) => e.OrderKind.Contains("취소", StringComparison.Ordinal);

    private static bool IsModify(OrderExecution e) => e.OrderKind.Contains("정정", StringComparison.Ordinal);
}
