using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// A price as Kiwoom sends it: the digits are the absolute price, the leading sign is the
/// direction against the base price, not arithmetic ("-20800" is 20,800 won, below the base).
/// </summary>
public readonly record struct SignedPrice(long Value, PriceDirection Direction);
