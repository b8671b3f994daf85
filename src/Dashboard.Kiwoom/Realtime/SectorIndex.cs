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
            e.Item, v.GetTime(RealtimeFid.Time), v.GetDecimalPrice(RealtimeFid.CurrentPrice), v.GetDecimal(RealtimeFid.Change), v.GetDecimal(RealtimeFid.ChangeRate), v.GetChangeSign(RealtimeFid.ChangeSign),
            v.GetInt64(RealtimeFid.CumulativeVolume), v.GetInt64(RealtimeFid.CumulativeTradeValue), v.GetDecimalPrice(RealtimeFid.Open), v.GetDecimalPrice(RealtimeFid.High), v.GetDecimalPrice(RealtimeFid.Low), e.ReceivedAt);
    }
}
