using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A percentage sent with decimals ("+28.97", "-0.24", "36.67"). An integer other than zero is
/// refused: several Kiwoom fields send values scaled by 100 without a point ("2658" = 26.58), so
/// "2897" cannot be told apart from 2,897 % and is kept raw and reported instead of guessed.
/// </summary>
[JsonConverter(typeof(WireValueConverter<Rate>))]
public readonly record struct Rate : IWireValue<Rate>
{
    private Rate(string? raw, decimal? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    /// <summary>The percentage (28.97 for "+28.97").</summary>
    public decimal? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "rate (signed decimal with a decimal point)";

    public static Rate Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new Rate(raw, null, false);
        }

        var text = raw.AsSpan().Trim(' ');
        var body = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? [] : body[(point + 1)..];
        var wellFormed = WireText.IsDigits(whole)
            && (point < 0 ? WireText.IsAllZeros(whole) : WireText.IsDigits(fraction));
        if (!wellFormed || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new Rate(raw, null, true);
        }

        return new Rate(raw, value, false);
    }

    /// <summary>Builds the wire form with an explicit sign and two decimals ("+1.25", "-0.50", "0.00").</summary>
    public static Rate From(decimal value) =>
        Parse(value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("+0.00##;-0.00##;0.00##", CultureInfo.InvariantCulture) + "%"
        : WireFormat.Unparsed(Raw, IsMalformed);
}
