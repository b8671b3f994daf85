using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0g 주식종목정보: price limits, base price and random-end extension status.</summary>
public sealed record InstrumentInfo(
    string Item,
    string Extension,
    string PreMarketExtension,
    string PostMarketExtension,
    SignedPrice? UpperLimit,
    SignedPrice? LowerLimit,
    long? BasePrice,
    DateTimeOffset ReceivedAt)
{
    public static InstrumentInfo? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.InstrumentInfo)
        {
            return null;
        }

        var v = e.Values;
        return new InstrumentInfo(
            e.Item, v.GetString(297)?.Trim() ?? "", v.GetString(592)?.Trim() ?? "", v.GetString(593)?.Trim() ?? "",
            v.GetPrice(305), v.GetPrice(306), v.GetInt64(307), e.ReceivedAt);
    }
}
