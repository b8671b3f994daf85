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
        var kind = v.GetString(9068)?.Trim() switch
        {
            "1" => ViEventKind.Triggered,
            "2" => ViEventKind.Released,
            _ => ViEventKind.Unknown,
        };
        return new ViEvent(
            v.GetString(9001) ?? e.Item, v.GetString(302) ?? "", kind, v.GetString(1225) ?? "", v.GetInt64(1221),
            v.GetTime(1223), v.GetTime(1224), v.GetInt64(1236), v.GetInt64(1237), v.GetDecimal(1238), v.GetDecimal(1239),
            v.GetDecimal(1489), v.GetInt64(1490), v.GetString(9069) ?? "", v.GetString(9008) ?? "", e.ReceivedAt);
    }
}
