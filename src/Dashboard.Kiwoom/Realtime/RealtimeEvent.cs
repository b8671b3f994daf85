namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// One entry of a REAL push: realtime type ("0B", "02" …), the Korean type name as sent, the item
/// (stock, sector or "" for account-wide types) and the FID values. Typed views such as
/// <see cref="TradeTick"/> read from <see cref="Values"/>.
/// </summary>
public sealed class RealtimeEvent
{
    public RealtimeEvent(string type, string name, string item, RealtimeValues values, DateTimeOffset receivedAt)
    {
        Type = type;
        Name = name;
        Item = item;
        Values = values;
        ReceivedAt = receivedAt;
    }

    public string Type { get; }

    public string Name { get; }

    public string Item { get; }

    public RealtimeValues Values { get; }

    /// <summary>When the frame carrying this event was received (the client's clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    public override string ToString() => $"{Type} {Item} ({Values.Count} fields)";
}
