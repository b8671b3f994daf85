namespace Dashboard.Web.Orders;

/// <summary>How one service call ended.</summary>
public enum OrderOutcome
{
    /// <summary>Kiwoom took it (an order number).</summary>
    Accepted,

    /// <summary>A field was wrong; nothing was recorded as an intent and the broker was not called.</summary>
    Invalid,

    /// <summary>A limit, halt or permission refused it; audited; the broker was not called.</summary>
    Refused,

    /// <summary>Kiwoom refused it.</summary>
    Rejected,

    /// <summary>No answer (timeout, 5xx): recorded and reconciled, never resent.</summary>
    UnknownOutcome,

    /// <summary>This intent was already submitted; its current state is returned and nothing was sent again.</summary>
    Duplicate,
}
