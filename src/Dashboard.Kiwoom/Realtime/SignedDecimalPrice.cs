using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>An index or NAV value with decimals ("-1762.61"), the sign again being the direction.</summary>
public readonly record struct SignedDecimalPrice(decimal Value, PriceDirection Direction);
