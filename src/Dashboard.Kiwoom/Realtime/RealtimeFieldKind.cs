namespace Dashboard.Kiwoom.Realtime;

/// <summary>How a FID's string value reads (PROTOCOL.md 3.6 and section 7 formats).</summary>
public enum RealtimeFieldKind
{
    /// <summary>Text or a code kept as sent (names, order numbers, status words, flags).</summary>
    Text,

    /// <summary>Price whose sign is the direction against the base price.</summary>
    Price,

    /// <summary>Index/NAV value with decimals whose sign is the direction.</summary>
    DecimalPrice,

    /// <summary>Integer with a true arithmetic sign (quantities, amounts, changes).</summary>
    Integer,

    /// <summary>Decimal with a true sign (rates, ratios, Greeks).</summary>
    Decimal,

    /// <summary>HHMMSS, Korea time.</summary>
    Time,

    /// <summary>YYYYMMDD; 00000000 means none.</summary>
    Date,

    /// <summary>The 1-5 change-sign code.</summary>
    ChangeSign,
}
