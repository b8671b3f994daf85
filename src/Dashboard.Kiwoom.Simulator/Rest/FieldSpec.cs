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

    /// <summary>The N of a numbered field (<c>sel_trde_ori_cd_3</c> is 3), so the fields of one entry agree; 0 when unnumbered.</summary>
    public int Ordinal { get; init; }

    /// <summary>A whole percentage with its sign, as in <c>"20%"</c> (margin and guarantee rates).</summary>
    public bool PercentSuffix { get; init; }

    /// <summary>A rate sent ×100 without the decimal point (<c>"2658"</c> is 26.58%).</summary>
    public bool RateTimes100 { get; init; }

    /// <summary>A change or rate measured from the estimated average price rather than the previous close.</summary>
    public bool VersusAverage { get; init; }
}
