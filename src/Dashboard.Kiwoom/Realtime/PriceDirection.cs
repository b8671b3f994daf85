namespace Dashboard.Kiwoom.Realtime;

/// <summary>Direction of a signed price against the base (previous close) price (PROTOCOL.md 3.6).</summary>
public enum PriceDirection
{
    Flat,
    Up,
    Down,
}
