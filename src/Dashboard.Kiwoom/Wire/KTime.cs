using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A Korea-time time of day sent as HHMMSS or, in some account TRs, HH:mm:ss. "000000" and "" mean
/// no time (PROTOCOL.md 3.6); anything else that is not a valid time (a 7-digit value) is kept raw.
/// </summary>
[JsonConverter(typeof(WireValueConverter<KTime>))]
public readonly record struct KTime : IWireValue<KTime>
{
    private static readonly string[] Formats = ["HHmmss", "HH:mm:ss"];

    private KTime(string? raw, TimeOnly? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    public TimeOnly? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "time HHMMSS or HH:mm:ss";

    public static KTime Parse(string? raw)
    {
        var text = raw.AsSpan().Trim(' ');
        if (WireText.IsBlank(raw) || text is "000000" or "00:00:00")
        {
            return new KTime(raw, null, false);
        }

        return text.Length is 6 or 8
            && TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new KTime(raw, value, false)
            : new KTime(raw, null, true);
    }

    public static KTime From(TimeOnly value) => Parse(value.ToString("HHmmss", CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
        : WireFormat.Unparsed(Raw, IsMalformed);
}
