namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>A volatility interruption: when, why and at which prices (ka10054 and realtime 1h).</summary>
public sealed record ViEvent(
    string Code,
    bool Static,
    bool Upward,
    long TriggerPrice,
    long ReferencePrice,
    DateTimeOffset TriggeredAt,
    DateTimeOffset ReleaseAt,
    int Count,
    long Volume,
    long TradeValue)
{
    public DateTimeOffset? ReleasedAt { get; init; }

    public decimal DisparityRate => ReferencePrice == 0 ? 0m : Math.Round((TriggerPrice - ReferencePrice) * 100m / ReferencePrice, 2);
}
