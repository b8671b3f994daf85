using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A Korea-time timestamp sent as 14 digits YYYYMMDDHHMMSS (chart rows, token expiry). All zeros and
/// "" mean none. Korea has no daylight saving, so <see cref="KoreaTime"/> is always +09:00.
/// </summary>
[JsonConverter(typeof(WireValueConverter<KDateTime>))]
public readonly record struct KDateTime : IWireValue<KDateTime>
{
    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    private KDateTime(string? raw, DateTime? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    /// <summary>The wall-clock value in Korea time (kind unspecified).</summary>
    public DateTime? Value { get; }

    /// <summary>The instant, with Korea's fixed +09:00 offset.</summary>
    public DateTimeOffset? KoreaTime => Value is { } value ? new DateTimeOffset(value, KoreaOffset) : null;

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "date-time YYYYMMDDHHMMSS";

    public static KDateTime Parse(string? raw)
    {
        var text = raw.AsSpan().Trim(' ');
        if (WireText.IsBlank(raw) || WireText.IsAllZeros(text))
        {
            return new KDateTime(raw, null, false);
        }

        return text.Length == 14 && WireText.IsDigits(text)
            && DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new KDateTime(raw, value, false)
            : new KDateTime(raw, null, true);
    }

    public static KDateTime From(DateTime koreaWallClock) =>
        Parse(koreaWallClock.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : WireFormat.Unparsed(Raw, IsMalformed);
}
