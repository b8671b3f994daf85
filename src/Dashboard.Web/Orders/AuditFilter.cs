namespace Dashboard.Web.Orders;

/// <summary>What the audit viewer asks for; every part optional. Dates are Korea-time calendar days.</summary>
public sealed record AuditFilter(
    string? MemberId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? StockCode = null,
    OrderAuditKind? Kind = null,
    int Page = 0,
    int PageSize = 50);
