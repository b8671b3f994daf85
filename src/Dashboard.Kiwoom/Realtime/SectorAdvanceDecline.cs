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
            e.Item, v.GetTime(20), v.GetInt64(252), v.GetInt64(251), v.GetInt64(253), v.GetInt64(255), v.GetInt64(254),
            v.GetInt64(256), v.GetDecimal(257), v.GetDecimalPrice(10), v.GetDecimal(11), v.GetDecimal(12), v.GetChangeSign(25),
            e.ReceivedAt);
    }
}
