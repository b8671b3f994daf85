using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// An amount of money in the unit the field documents (won, million won, 100 million won). Zero
/// padding ("000000017598258") and a leading sign are accepted (PROTOCOL.md 3.6).
/// </summary>
[JsonConverter(typeof(WireValueConverter<Amount>))]
public readonly record struct Amount : IWireValue<Amount>
{
    private Amount(string? raw, long? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    public long? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "amount (integer, zero padding allowed)";

    public static Amount Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new Amount(raw, null, false);
        }

        return WireText.TryParseSigned(raw, out var value)
            ? new Amount(raw, value, false)
            : new Amount(raw, null, true);
    }

    public static Amount From(long value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : WireFormat.Unparsed(Raw, IsMalformed);
}
