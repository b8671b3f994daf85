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

    /// <summary>
    /// When the sender built the frame, if it said so: the simulator's <c>emit_ts</c> entry field (Unix
    /// milliseconds), sent only when latency is being measured. Kiwoom itself never sends it.
    /// </summary>
    public DateTimeOffset? EmittedAt { get; init; }

    public override string ToString() => $"{Type} {Item} ({Values.Count} fields)";
}
