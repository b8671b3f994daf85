using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0U 업종등락: advancing/declining issue counts of a sector.</summary>
public sealed record SectorAdvanceDecline(
    string Item,
    TimeOnly? Time,
    long? Rising,
    long? UpperLimit,
    long? Unchanged,
    long? Falling,
    long? LowerLimit,
    long? Traded,
    decimal? TradedRatio,
    SignedDecimalPrice? IndexValue,
    decimal? Change,
    decimal? ChangeRate,
    ChangeSignCode Sign,
    DateTimeOffset ReceivedAt)
{
    public static SectorAdvanceDecline? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.SectorAdvanceDecline)
        {
            return null;
        }

        var v = e.Values;
        return new SectorAdvanceDecline(
            e.Item, v.GetTime(RealtimeFid.Time), v.GetInt64(RealtimeFid.RisingIssues), v.GetInt64(RealtimeFid.UpperLimitIssues), v.GetInt64(RealtimeFid.UnchangedIssues), v.GetInt64(RealtimeFid.FallingIssues), v.GetInt64(RealtimeFid.LowerLimitIssues),
            v.GetInt64(RealtimeFid.IssuesTraded), v.GetDecimal(RealtimeFid.TradedRatio), v.GetDecimalPrice(RealtimeFid.CurrentPrice), v.GetDecimal(RealtimeFid.Change), v.GetDecimal(RealtimeFid.ChangeRate), v.GetChangeSign(RealtimeFid.ChangeSign),
            e.ReceivedAt);
    }
}
