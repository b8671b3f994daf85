namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0B 주식체결: one trade. A struct so that mapping a tick allocates nothing.</summary>
/// <param name="Volume">This trade's quantity; positive when buy-initiated, negative when sell-initiated (FID 15).</param>
/// <param name="CumulativeValue">Cumulative trade value in million won (FID 14).</param>
public readonly record struct TradeTick(
    string Item,
    TimeOnly? Time,
    SignedPrice? Price,
    long? Change,
    decimal? ChangeRate,
    ChangeSign Sign,
    long? Volume,
    long? CumulativeVolume,
    long? CumulativeValue,
    SignedPrice? Open,
    SignedPrice? High,
    SignedPrice? Low,
    SignedPrice? BestAsk,
    SignedPrice? BestBid,
    decimal? Strength,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The tick in a 0B event, or null for another type.</summary>
    public static TradeTick? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.Trade)
        {
            return null;
        }

        var v = e.Values;
        return new TradeTick(
            e.Item,
            v.GetTime(20),
            v.GetPrice(10),
            v.GetInt64(11),
            v.GetDecimal(12),
            v.GetChangeSign(25),
            v.GetInt64(15),
            v.GetInt64(13),
            v.GetInt64(14),
            v.GetPrice(16),
            v.GetPrice(17),
            v.GetPrice(18),
            v.GetPrice(27),
            v.GetPrice(28),
            v.GetDecimal(228),
            e.ReceivedAt);
    }
}
