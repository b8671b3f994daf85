using Dashboard.Kiwoom.Wire;

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
    ChangeSignCode Sign,
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
    public static TradeTick? From(RealtimeEvent e) => TryFrom(e, out var tick) ? tick : null;

    /// <summary>
    /// The tick in a 0B event; false for another type. The form for hot paths: the tick is written straight into
    /// the caller's variable, where <see cref="From"/> copies its ~300 bytes through a nullable.
    /// </summary>
    public static bool TryFrom(RealtimeEvent e, out TradeTick tick)
    {
        if (e.Type != RealtimeTypes.Trade)
        {
            tick = default;
            return false;
        }

        // One pass over the rows instead of a lookup per field: this is the hottest mapping.
        var v = e.Values;
        TimeOnly? time = null;
        SignedPrice? price = null, open = null, high = null, low = null, ask = null, bid = null;
        long? change = null, volume = null, cumulativeVolume = null, cumulativeValue = null;
        decimal? rate = null, strength = null;
        var sign = ChangeSignCode.Unknown;
        for (var rows = v.GetRows(); rows.MoveNext();)
        {
            var raw = rows.Value;
            switch (rows.Fid)
            {
                case RealtimeFid.CurrentPrice: price = ReadPrice(raw); break;
                case RealtimeFid.Change: change = ReadInt64(raw); break;
                case RealtimeFid.ChangeRate: rate = ReadDecimal(raw); break;
                case RealtimeFid.CumulativeVolume: cumulativeVolume = ReadInt64(raw); break;
                case RealtimeFid.CumulativeTradeValue: cumulativeValue = ReadInt64(raw); break;
                case RealtimeFid.Volume: volume = ReadInt64(raw); break;
                case RealtimeFid.Open: open = ReadPrice(raw); break;
                case RealtimeFid.High: high = ReadPrice(raw); break;
                case RealtimeFid.Low: low = ReadPrice(raw); break;
                case RealtimeFid.Time: time = RealtimeValueParser.TryParseTime(raw, out var t) ? t : null; break;
                case RealtimeFid.ChangeSign: sign = RealtimeValueParser.ParseChangeSign(raw); break;
                case RealtimeFid.BestAsk: ask = ReadPrice(raw); break;
                case RealtimeFid.BestBid: bid = ReadPrice(raw); break;
                case RealtimeFid.ExecutionStrengthBuySellVolumeRatio: strength = ReadDecimal(raw); break;
            }
        }

        // An initializer rather than the 16-argument constructor: the JIT does not inline that call and passes
        // every nullable on the stack, which cost more than all the parsing above.
        tick = new TradeTick
        {
            Item = e.Item,
            Time = time,
            Price = price,
            Change = change,
            ChangeRate = rate,
            Sign = sign,
            Volume = volume,
            CumulativeVolume = cumulativeVolume,
            CumulativeValue = cumulativeValue,
            Open = open,
            High = high,
            Low = low,
            BestAsk = ask,
            BestBid = bid,
            Strength = strength,
            ReceivedAt = e.ReceivedAt,
        };
        return true;
    }

    private static SignedPrice? ReadPrice(ReadOnlySpan<byte> raw) => RealtimeValueParser.TryParsePrice(raw, out var p) ? p : null;

    private static long? ReadInt64(ReadOnlySpan<byte> raw) => RealtimeValueParser.TryParseInt64(raw, out var n) ? n : null;

    private static decimal? ReadDecimal(ReadOnlySpan<byte> raw) => RealtimeValueParser.TryParseDecimal(raw, out var d) ? d : null;
}
