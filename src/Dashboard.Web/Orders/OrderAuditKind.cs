namespace Dashboard.Web.Orders;

/// <summary>What an audit row records. Stored by name, so the order of members may change.</summary>
public enum OrderAuditKind
{
    Intent,
    Sent,
    Accepted,
    Rejected,
    UnknownOutcome,
    PartialFill,
    Fill,
    Modified,
    Cancelled,
    Reconciled,
    PreTradeRejected,
    HaltChanged,
    LimitChanged,
}
