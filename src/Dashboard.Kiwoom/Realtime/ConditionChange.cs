namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// An update of a realtime condition search: a snapshot of every matching code, or one code
/// entering or leaving (type 02 push). Codes are without the "A" prefix.
/// </summary>
public sealed record ConditionChange(string Seq, ConditionChangeKind Kind, IReadOnlyList<string> Codes, TimeOnly? Time)
{
    // Type 02 is described in PROTOCOL.md section 8, not in realtime.json, so its own two FIDs are named here.
    private const int ConditionSeqFid = 841;
    private const int InsertDeleteFid = 843;

    /// <summary>The change carried by a type 02 push, or null for another type or an unknown flag.</summary>
    public static ConditionChange? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.Condition)
        {
            return null;
        }

        var v = e.Values;
        var kind = v.GetString(InsertDeleteFid)?.Trim() switch
        {
            "I" => ConditionChangeKind.Inserted,
            "D" => ConditionChangeKind.Deleted,
            _ => (ConditionChangeKind?)null,
        };
        var code = v.GetString(RealtimeFid.StockCode) is { Length: > 0 } c ? c : e.Item;
        return kind is { } k ? new ConditionChange(v.GetString(ConditionSeqFid)?.Trim() ?? "", k, [ConditionCodes.Normalize(code)], v.GetTime(RealtimeFid.Time)) : null;
    }
}
