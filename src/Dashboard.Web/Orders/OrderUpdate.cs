namespace Dashboard.Web.Orders;

/// <summary>
/// What changed for one of the member's orders, pushed to their open pages. A modify or cancel also carries
/// <paramref name="Target"/>, the order it amended, as committed together with it: a page applies both at
/// once, so the moved shares are never shown open on the old order and the new one at the same time.
/// </summary>
public sealed record OrderUpdate(OrderAuditKind Kind, OrderView Order, string? Details = null, OrderView? Target = null);
