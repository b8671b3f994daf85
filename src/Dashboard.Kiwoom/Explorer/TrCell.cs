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
        ChangeSign { Value: { } code } => new TrCell(SignMark(code), code switch
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

    /// <summary>
    /// The value as the guide means it when it sends it ×100 with the decimal point removed ("2658" is 26.58):
    /// written with its two decimals, a leading sign and a trailing direction mark ("265,381 ▲") kept. A cell that is
    /// not a whole number is returned as it is.
    /// </summary>
    public TrCell Hundredths()
    {
        var space = Text.IndexOf(' ', StringComparison.Ordinal);
        var (number, mark) = space < 0 ? (Text, string.Empty) : (Text[..space], Text[space..]);
        var digits = number.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var hundredths))
        {
            return this;
        }

        var value = hundredths / 100m;
        var format = digits.StartsWith('+') ? "+#,0.00;-#,0.00;0.00" : "#,0.00";
        return this with
        {
            Text = value.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + mark,
            IsNumeric = true,
            Tone = Tone == TrCellTone.None && digits.Length > 0 && digits[0] is '+' or '-' ? Sign(value) : Tone,
        };
    }

    /// <summary>
    /// A change sign as Korean trading screens mark it (↑ upper limit, ▲ up, – unchanged, ▼ down, ↓ lower limit):
    /// the same in every language, where the code's English name ("Down") read oddly on a Korean page.
    /// </summary>
    public static string SignMark(ChangeSignCode code) => code switch
    {
        ChangeSignCode.UpperLimit => "↑",
        ChangeSignCode.Up => "▲",
        ChangeSignCode.Unchanged => "–",
        ChangeSignCode.Down => "▼",
        ChangeSignCode.LowerLimit => "↓",
        _ => string.Empty,
    };

    private static TrCellTone DirectionTone(PriceDirection direction) => direction switch
    {
        PriceDirection.Up => TrCellTone.Up,
        PriceDirection.Down => TrCellTone.Down,
        _ => TrCellTone.None,
    };

    private static TrCellTone Sign(decimal value) => value > 0 ? TrCellTone.Up : value < 0 ? TrCellTone.Down : TrCellTone.None;
}
