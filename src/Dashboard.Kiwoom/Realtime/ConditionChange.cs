namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// An update of a realtime condition search: a snapshot of every matching code, or one code
/// entering or leaving (type 02 push). Codes are without the "A" prefix.
/// </summary>
public sealed record ConditionChange(string Seq, ConditionChangeKind Kind, IReadOnlyList<string> Codes, TimeOnly? Time)
{
    /// <summary>The change carried by a type 02 push, or null for another type or an unknown flag.</summary>
    public static ConditionChange? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.Condition)
        {
            return null;
        }

        var v = e.Values;
        var kind = v.GetString(843)?.Trim() switch
        {
            "I" => ConditionChangeKind.Inserted,
            "D" => ConditionChangeKind.Deleted,
            _ => (ConditionChangeKind?)null,
        };
        var code = v.GetString(9001) is { Length: > 0 } c ? c : e.Item;
        return kind is { } k ? new ConditionChange(v.GetString(841)?.Trim() ?? "", k, [ConditionCodes.Normalize(code)], v.GetTime(20)) : null;
    }
}
