using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0G ETF NAV.</summary>
public sealed record EtfNav(
    string Item,
    TimeOnly? Time,
    SignedDecimalPrice? Nav,
    decimal? NavChange,
    decimal? NavChangeRate,
    decimal? TrackingErrorRate,
    SignedPrice? Price,
    long? Change,
    decimal? ChangeRate,
    long? CumulativeVolume,
    ChangeSignCode Sign,
    decimal? NavIndexDisparity,
    decimal? NavPriceDisparity,
    DateTimeOffset ReceivedAt)
{
    public static EtfNav? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.EtfNav)
        {
            return null;
        }

        var v = e.Values;
        return new EtfNav(
            e.Item, v.GetTime(RealtimeFid.Time), v.GetDecimalPrice(RealtimeFid.NAV), v.GetDecimal(RealtimeFid.NAVChangeVsPreviousDay), v.GetDecimal(RealtimeFid.NAVChangeRate), v.GetDecimal(RealtimeFid.TrackingErrorRate),
            v.GetPrice(RealtimeFid.CurrentPrice), v.GetInt64(RealtimeFid.Change), v.GetDecimal(RealtimeFid.ChangeRate), v.GetInt64(RealtimeFid.CumulativeVolume), v.GetChangeSign(RealtimeFid.ChangeSign),
            v.GetDecimal(RealtimeFid.NAVVsIndexDisparity), v.GetDecimal(RealtimeFid.NAVVsETFPriceDisparity), e.ReceivedAt);
    }
}
