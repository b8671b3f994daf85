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
    /// A signed number the wire types leave as text, written with separators and its decimals and coloured by its sign.
    /// When the sign is a direction (<paramref name="isDirection"/>: an ETF's NAV "-54076.85" is 54,076.85, below the day
    /// before; ka10051's index ×100 "+265381" is 2,653.81, up) it moves to the mark like a <see cref="SignedPrice"/>'s;
    /// otherwise it stays ("-279.63"). Text that is not such a number is returned as it came.
    /// </summary>
    /// <param name="hundredths">The guide sends it ×100 with the decimal point removed.</param>
    public static TrCell SignedText(string? text, bool isDirection, bool hundredths)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var sign = trimmed.Length > 0 && trimmed[0] is '+' or '-' ? trimmed[0] : '\0';
        var digits = sign == '\0' ? trimmed : trimmed[1..];
        if (digits.Length == 0 || !char.IsAsciiDigit(digits[0])
            || !decimal.TryParse(digits, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return Of(text);
        }

        var point = digits.IndexOf('.', StringComparison.Ordinal);
        var decimals = hundredths ? 2 : point < 0 ? 0 : digits.Length - point - 1;
        var number = (hundredths ? value / 100m : value).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), System.Globalization.CultureInfo.InvariantCulture);
        var tone = sign == '+' && value != 0 ? TrCellTone.Up : sign == '-' && value != 0 ? TrCellTone.Down : TrCellTone.None;
        var shown = !isDirection ? (tone == TrCellTone.None ? string.Empty : sign.ToString()) + number
            : number + tone switch { TrCellTone.Up => " ▲", TrCellTone.Down => " ▼", _ => string.Empty };
        return new TrCell(shown, tone, true, false);
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
