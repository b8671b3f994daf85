using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0J 업종지수: a sector index tick; index values keep their decimals.</summary>
/// <param name="CumulativeValue">Million won (FID 14).</param>
public sealed record SectorIndex(
    string Item,
    TimeOnly? Time,
    SignedDecimalPrice? Value,
    decimal? Change,
    decimal? ChangeRate,
    ChangeSignCode Sign,
    long? CumulativeVolume,
    long? CumulativeValue,
    SignedDecimalPrice? Open,
    SignedDecimalPrice? High,
    SignedDecimalPrice? Low,
    DateTimeOffset ReceivedAt)
{
    public static SectorIndex? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.SectorIndex)
        {
            return null;
        }

        var v = e.Values;
        return new SectorIndex(
            e.Item, v.GetTime(20), v.GetDecimalPrice(10), v.GetDecimal(11), v.GetDecimal(12), v.GetChangeSign(25),
            v.GetInt64(13), v.GetInt64(14), v.GetDecimalPrice(16), v.GetDecimalPrice(17), v.GetDecimalPrice(18), e.ReceivedAt);
    }
}
