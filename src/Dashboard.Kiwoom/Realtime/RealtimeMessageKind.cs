namespace Dashboard.Kiwoom.Realtime;

/// <summary>The <c>trnm</c> of a WebSocket message (PROTOCOL.md 6.1).</summary>
public enum RealtimeMessageKind
{
    /// <summary>Not a JSON object, truncated, or without a string <c>trnm</c>.</summary>
    Malformed,

    /// <summary>A well-formed message whose <c>trnm</c> this client does not know.</summary>
    Unknown,
    Real,
    Ping,
    Login,
    System,
    Register,
    Remove,
    ConditionList,
    ConditionSearch,
    ConditionClear,
}
