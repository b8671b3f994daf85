namespace Dashboard.Kiwoom.Realtime;

/// <summary>What happened to a realtime condition's set of stocks.</summary>
public enum ConditionChangeKind
{
    /// <summary>The full current set (after CNSRREQ, also again after a reconnect).</summary>
    Snapshot,

    /// <summary>FID 843 "I": a stock entered the condition.</summary>
    Inserted,

    /// <summary>FID 843 "D": a stock left the condition.</summary>
    Deleted,
}
