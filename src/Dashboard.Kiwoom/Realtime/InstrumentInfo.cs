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
            e.Item, v.GetString(RealtimeFid.RandomEndExtensionStatusText)?.Trim() ?? "", v.GetString(RealtimeFid.PreMarketRandomEndExtension)?.Trim() ?? "", v.GetString(RealtimeFid.PostMarketRandomEndExtension)?.Trim() ?? "",
            v.GetPrice(RealtimeFid.UpperLimitPrice), v.GetPrice(RealtimeFid.LowerLimitPrice), v.GetInt64(RealtimeFid.BasePreviousClosePrice), e.ReceivedAt);
    }
}
