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
            e.Item, v.GetTime(20), v.GetDecimalPrice(36), v.GetDecimal(37), v.GetDecimal(38), v.GetDecimal(39),
            v.GetPrice(10), v.GetInt64(11), v.GetDecimal(12), v.GetInt64(13), v.GetChangeSign(25),
            v.GetDecimal(265), v.GetDecimal(266), e.ReceivedAt);
    }
}
