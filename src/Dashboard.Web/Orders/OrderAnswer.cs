namespace Dashboard.Web.Orders;

/// <summary>
/// An order TR's accepted answer: the order number and, for a modify, the shares Kiwoom moved to the new order
/// (mdfy_qty: what was still open when the modify took effect, fewer than asked when part of the original filled first).
/// </summary>
internal sealed record OrderAnswer(string? Number, long? Moved = null);
