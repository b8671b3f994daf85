namespace Dashboard.Web.Orders;

/// <summary>What changed for one of the member's orders, pushed to their open pages.</summary>
public sealed record OrderUpdate(OrderAuditKind Kind, OrderView Order, string? Details = null);
