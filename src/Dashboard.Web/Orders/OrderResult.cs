namespace Dashboard.Web.Orders;

/// <summary>
/// The answer to a place, modify or cancel: the outcome, the order as it now stands, and any reasons.
/// A modify or cancel also returns <paramref name="Target"/>, the order it amended, as it stands after it.
/// </summary>
public sealed record OrderResult(Guid IntentId, OrderOutcome Outcome, OrderView? Order, IReadOnlyList<OrderRejection> Reasons, OrderView? Target = null)
{
    public bool Succeeded => Outcome is OrderOutcome.Accepted;

    public static OrderResult Refused(Guid intentId, OrderOutcome outcome, params OrderRejection[] reasons) => new(intentId, outcome, null, reasons);
}
