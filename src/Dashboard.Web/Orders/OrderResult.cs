namespace Dashboard.Web.Orders;

/// <summary>The answer to a place, modify or cancel: the outcome, the order as it now stands, and any reasons.</summary>
public sealed record OrderResult(Guid IntentId, OrderOutcome Outcome, OrderView? Order, IReadOnlyList<OrderRejection> Reasons)
{
    public bool Succeeded => Outcome is OrderOutcome.Accepted;

    public static OrderResult Refused(Guid intentId, OrderOutcome outcome, params OrderRejection[] reasons) => new(intentId, outcome, null, reasons);
}
