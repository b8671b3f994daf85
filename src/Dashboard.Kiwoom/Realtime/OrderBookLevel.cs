using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>One price level of the order book; <paramref name="QuantityChange"/> is against the previous push.</summary>
public readonly record struct OrderBookLevel(SignedPrice? Price, long? Quantity, long? QuantityChange);
