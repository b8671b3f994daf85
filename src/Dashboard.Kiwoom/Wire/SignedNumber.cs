using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// An integer with a true arithmetic sign: changes vs the previous day ("-1700" is a fall of 1,700),
/// net buying, signed volumes.
/// </summary>
[JsonConverter(typeof(WireValueConverter<SignedNumber>))]
public readonly record struct SignedNumber : IWireValue<SignedNumber>
{
    private SignedNumber(string? raw, long? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    public long? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "signed integer";

    public static SignedNumber Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new SignedNumber(raw, null, false);
        }

        return WireText.TryParseSigned(raw, out var value)
            ? new SignedNumber(raw, value, false)
            : new SignedNumber(raw, null, true);
    }

    /// <summary>Builds the wire form with an explicit sign ("+450", "-1700", "0").</summary>
    public static SignedNumber From(long value) =>
        Parse(value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture)
        : WireFormat.Unparsed(Raw, IsMalformed);
}
