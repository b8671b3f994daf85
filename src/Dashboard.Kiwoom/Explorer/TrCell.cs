using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// One decoded value as text the way its wire type reads ("20,800 ▼", "+0.57%", "2025-01-24"), with
/// its direction and whether it is a number (right-aligned) or a value that did not fit its type.
/// </summary>
public sealed record TrCell(string Text, TrCellTone Tone, bool IsNumeric, bool IsMalformed)
{
    public static readonly TrCell Empty = new(string.Empty, TrCellTone.None, false, false);

    public static TrCell Of(object? value) => value switch
    {
        null => Empty,
        IWireValue { IsMalformed: true } bad => new TrCell(ValueText.Of(value), TrCellTone.None, false, true),
        SignedPrice price => new TrCell(ValueText.Of(value), DirectionTone(price.Direction), true, false),
        ChangeSign { Value: { } code } => new TrCell(ValueText.Of(value), code switch
        {
            ChangeSignCode.Up or ChangeSignCode.UpperLimit => TrCellTone.Up,
            ChangeSignCode.Down or ChangeSignCode.LowerLimit => TrCellTone.Down,
            _ => TrCellTone.None,
        }, false, false),
        Rate { Value: { } rate } => new TrCell(ValueText.Of(value), Sign(rate), true, false),
        SignedNumber { Value: { } number } => new TrCell(ValueText.Of(value), Sign(number), true, false),
        Amount or Quantity or int or long or decimal => new TrCell(ValueText.Of(value), TrCellTone.None, true, false),
        _ => new TrCell(ValueText.Of(value), TrCellTone.None, false, false),
    };

    private static TrCellTone DirectionTone(PriceDirection direction) => direction switch
    {
        PriceDirection.Up => TrCellTone.Up,
        PriceDirection.Down => TrCellTone.Down,
        _ => TrCellTone.None,
    };

    private static TrCellTone Sign(decimal value) => value > 0 ? TrCellTone.Up : value < 0 ? TrCellTone.Down : TrCellTone.None;
}
