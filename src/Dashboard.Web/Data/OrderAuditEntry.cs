using Dashboard.Web.Orders;

namespace Dashboard.Web.Data;

/// <summary>
/// One row of the append-only order audit (SEC-18). Rows are chained: <see cref="Hash"/> is SHA-256 of
/// <see cref="PreviousHash"/> and this row's canonical content, so changing or removing any row breaks
/// every hash after it. SQLite triggers refuse UPDATE and DELETE.
/// </summary>
public class OrderAuditEntry
{
    /// <summary>1, 2, 3 … with no gaps; assigned by the single writer.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The member whose order, limit or halt this is ("team" for the team-wide halt).</summary>
    public required string MemberId { get; set; }

    /// <summary>Who acted: the member, an admin, or "system" (reconciliation, realtime events).</summary>
    public required string ActorId { get; set; }

    public Guid? ConnectionId { get; set; }

    public Guid? IntentId { get; set; }

    public OrderAuditKind Kind { get; set; }

    public string? StockCode { get; set; }

    public OrderSide? Side { get; set; }

    public long? Quantity { get; set; }

    public long? Price { get; set; }

    public string? TradeType { get; set; }

    public string? OrderNumber { get; set; }

    /// <summary>Plain words: the reason, Kiwoom's code and message, the limit changed … never a secret or a full account number.</summary>
    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
