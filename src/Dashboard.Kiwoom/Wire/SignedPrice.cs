using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A price in won whose sign is a direction, not arithmetic: "-20800" is 20,800 won, below the
/// previous close (PROTOCOL.md 3.6). <see cref="Value"/> is never negative. The one price type of
/// the broker library: REST responses parse it from their JSON strings, realtime pushes build it
/// from their UTF-8 bytes with <see cref="SignedPrice(long, PriceDirection)"/> (no string kept, so
/// the hot path stays allocation-free; <see cref="Raw"/> is formatted only when asked for).
/// </summary>
[JsonConverter(typeof(WireValueConverter<SignedPrice>))]
public readonly record struct SignedPrice : IWireValue<SignedPrice>
{
    private readonly string? _raw;

    private SignedPrice(string? raw, long? value, PriceDirection direction, bool malformed)
    {
        _raw = raw;
        Value = value;
        Direction = direction;
        IsMalformed = malformed;
    }

    /// <summary>A present price, as a realtime push carries it.</summary>
    public SignedPrice(long value, PriceDirection direction)
        : this(null, value, direction, false) =>
        ArgumentOutOfRangeException.ThrowIfNegative(value);

    /// <summary>The value as received; a price built from its parts gives its wire form.</summary>
    public string? Raw => _raw ?? (Value is { } value ? WireForm(value, Direction) : null);

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
    public static SignedPrice From(long value, PriceDirection direction) => Parse(WireForm(value, direction));

    /// <summary>
    /// Same price, same direction: "+020800" from a response equals 20,800 ▲ from a push. Values that
    /// did not parse compare by the text they came as.
    /// </summary>
    public bool Equals(SignedPrice other) =>
        Value == other.Value && Direction == other.Direction && IsMalformed == other.IsMalformed
        && (Value is not null || string.Equals(_raw, other._raw, StringComparison.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Value, Direction, IsMalformed, Value is null ? _raw : null);

    public override string ToString() => Value is { } value
        ? value.ToString("N0", CultureInfo.InvariantCulture) + Direction switch
        {
            PriceDirection.Up => " ▲",
            PriceDirection.Down => " ▼",
            _ => string.Empty,
        }
        : WireFormat.Unparsed(Raw, IsMalformed);

    private static string WireForm(long value, PriceDirection direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var prefix = direction switch
        {
            PriceDirection.Up => "+",
            PriceDirection.Down => "-",
            _ => string.Empty,
        };
        return prefix + value.ToString(CultureInfo.InvariantCulture);
    }
}
