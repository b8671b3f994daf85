namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 1h VI발동/해제: a volatility interruption was triggered or released.</summary>
/// <param name="ViType">FID 1225: 정적 (static), 동적 (dynamic) or 동적+정적.</param>
/// <param name="Direction">FID 9069 (observed): 1 upward, 2 downward; raw text.</param>
public sealed record ViEvent(
    string Code,
    string Name,
    ViEventKind Kind,
    string ViType,
    long? TriggerPrice,
    TimeOnly? TriggeredAt,
    TimeOnly? ReleasedAt,
    long? StaticReferencePrice,
    long? DynamicReferencePrice,
    decimal? StaticDisparityRate,
    decimal? DynamicDisparityRate,
    decimal? TriggerChangeRate,
    long? TriggerCountToday,
    string Direction,
    string Market,
    DateTimeOffset ReceivedAt)
{
    public static ViEvent? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.ViTrigger)
        {
            return null;
        }

        var v = e.Values;
        var kind = v.GetString(RealtimeFid.VIEventKind)?.Trim() switch
        {
            "1" => ViEventKind.Triggered,
            "2" => ViEventKind.Released,
            _ => ViEventKind.Unknown,
        };
        return new ViEvent(
            v.GetString(RealtimeFid.StockCode) ?? e.Item, v.GetString(RealtimeFid.StockName) ?? "", kind, v.GetString(RealtimeFid.VIType) ?? "", v.GetInt64(RealtimeFid.VITriggerPrice),
            v.GetTime(RealtimeFid.TradeProcessingTime), v.GetTime(RealtimeFid.VIReleaseTime), v.GetInt64(RealtimeFid.StaticReferencePrice), v.GetInt64(RealtimeFid.DynamicReferencePrice), v.GetDecimal(RealtimeFid.StaticDisparityRate), v.GetDecimal(RealtimeFid.DynamicDisparityRate),
            v.GetDecimal(RealtimeFid.VITriggerPriceChangeRate), v.GetInt64(RealtimeFid.VITriggerCountToday), v.GetString(RealtimeFid.TriggerDirection) ?? "", v.GetString(RealtimeFid.MarketKOSPIKOSDAQAll) ?? "", e.ReceivedAt);
    }
}
