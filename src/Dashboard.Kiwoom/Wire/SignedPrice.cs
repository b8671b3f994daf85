using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A price in won whose sign is a direction, not arithmetic: "-20800" is 20,800 won, below the
/// previous close (PROTOCOL.md 3.6). <see cref="Value"/> is never negative.
/// </summary>
[JsonConverter(typeof(WireValueConverter<SignedPrice>))]
public readonly record struct SignedPrice : IWireValue<SignedPrice>
{
    private SignedPrice(string? raw, long? value, PriceDirection direction, bool malformed)
    {
        Raw = raw;
        Value = value;
        Direction = direction;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    /// <summary>The absolute price in won; null when absent or malformed.</summary>
    public long? Value { get; }

    public PriceDirection Direction { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "signed price (digits with an optional +/- direction)";

    public static SignedPrice Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new SignedPrice(raw, null, PriceDirection.Flat, false);
        }

        if (!WireText.TryParseInteger(raw, out var magnitude, out var sign))
        {
            return new SignedPrice(raw, null, PriceDirection.Flat, true);
        }

        var direction = sign switch
        {
            '+' => PriceDirection.Up,
            '-' => PriceDirection.Down,
            _ => PriceDirection.Flat,
        };
        return new SignedPrice(raw, magnitude, direction, false);
    }

    /// <summary>Builds the wire form of a price ("+20800", "-20800", "20800").</summary>
    public static SignedPrice From(long value, PriceDirection direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var prefix = direction switch
        {
            PriceDirection.Up => "+",
            PriceDirection.Down => "-",
            _ => string.Empty,
        };
        return Parse(prefix + value.ToString(CultureInfo.InvariantCulture));
    }

    public override string ToString() => Value is { } value
        ? value.ToString("N0", CultureInfo.InvariantCulture) + Direction switch
        {
            PriceDirection.Up => " ▲",
            PriceDirection.Down => " ▼",
            _ => string.Empty,
        }
        : WireFormat.Unparsed(Raw, IsMalformed);
}
