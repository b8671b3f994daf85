namespace Dashboard.Kiwoom.Wire;

/// <summary>The venue a stock code names by its suffix (PROTOCOL.md 3.6).</summary>
public enum StockVenue
{
    /// <summary>No suffix: the KRX listing.</summary>
    Krx,

    /// <summary>"_NX": Nextrade.</summary>
    Nextrade,

    /// <summary>"_AL": SOR, KRX and Nextrade combined (통합).</summary>
    Combined,
}
