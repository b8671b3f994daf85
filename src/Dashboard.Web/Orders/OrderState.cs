namespace Dashboard.Web.Orders;

/// <summary>Where an intent stands. Open orders are Accepted or PartiallyFilled.</summary>
public enum OrderState
{
    /// <summary>Recorded and about to be sent.</summary>
    Sent,

    /// <summary>Kiwoom took it (an order number); nothing filled yet.</summary>
    Accepted,

    PartiallyFilled,

    Filled,

    Cancelled,

    /// <summary>Refused by Kiwoom, or found never placed by reconciliation.</summary>
    Rejected,

    /// <summary>The call timed out or failed with 5xx: it may or may not exist. Reconciled, never resent.</summary>
    UnknownOutcome,

    /// <summary>A modify or cancel intent that Kiwoom confirmed.</summary>
    Done,

    /// <summary>Everything still open was moved to a modify order (which now carries it).</summary>
    Replaced,
}
