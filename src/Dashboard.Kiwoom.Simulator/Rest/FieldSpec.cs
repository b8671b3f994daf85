namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// How to render one catalog field on the wire: its kind, sign convention, zero padding, unit divisor,
/// decimals and the example the catalog documents.
/// </summary>
internal sealed record FieldSpec(
    string Name,
    ValueKind Kind,
    bool DirectionSigned,
    bool ArithmeticSigned,
    int PadWidth,
    long Divisor,
    int Decimals,
    bool APrefix,
    bool IndexTimes100,
    string? Example,
    string TimeFormat)
{
    /// <summary>'s' for an ask (sell) level, 'b' for a bid level, '\0' when the field is not a book level.</summary>
    public char BookSide { get; init; }

    /// <summary>Zero-based book level when <see cref="BookSide"/> is set.</summary>
    public int BookLevel { get; init; }
}
