namespace Dashboard.Kiwoom.Wire;

/// <summary>The direction a signed price carries relative to the base (previous close) price.</summary>
public enum PriceDirection
{
    /// <summary>No sign or a leading space: unchanged from the base price.</summary>
    Flat,

    /// <summary>A leading '+': above the base price.</summary>
    Up,

    /// <summary>A leading '-': below the base price.</summary>
    Down,
}
