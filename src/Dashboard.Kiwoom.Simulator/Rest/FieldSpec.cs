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
    string TimeFormat);
