using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>One page of audit rows, newest first, and how many match in all.</summary>
public sealed record AuditRowsPage(IReadOnlyList<OrderAuditEntry> Rows, int Total);
