namespace Dashboard.Web.Orders;

/// <summary>What a caller asks the audit to record; the writer adds sequence, time and hashes.</summary>
public sealed record AuditEvent(
    OrderAuditKind Kind,
    string MemberId,
    string ActorId,
    Guid? ConnectionId = null,
    Guid? IntentId = null,
    string? StockCode = null,
    OrderSide? Side = null,
    long? Quantity = null,
    long? Price = null,
    string? TradeType = null,
    string? OrderNumber = null,
    string? Details = null)
{
    /// <summary>The actor of events no person caused: reconciliation and the broker's own pushes.</summary>
    public const string System = "system";

    /// <summary>The member id of team-wide events (the team halt).</summary>
    public const string Team = "team";
}
