using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A number of shares (or contracts, or stocks in a count). Zero padding ("0000000001") and a leading
/// sign are accepted; account TRs send signed zero-padded widths (PROTOCOL.md 3.6).
/// </summary>
[JsonConverter(typeof(WireValueConverter<Quantity>))]
public readonly record struct Quantity : IWireValue<Quantity>
{
    private Quantity(string? raw, long? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    public long? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "quantity (integer, zero padding allowed)";

    public static Quantity Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new Quantity(raw, null, false);
        }

        return WireText.TryParseSigned(raw, out var value)
            ? new Quantity(raw, value, false)
            : new Quantity(raw, null, true);
    }

    public static Quantity From(long value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : WireFormat.Unparsed(Raw, IsMalformed);
}
