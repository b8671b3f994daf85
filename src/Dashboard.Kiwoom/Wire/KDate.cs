using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>A date sent as YYYYMMDD; "00000000" and "" mean no date.</summary>
[JsonConverter(typeof(WireValueConverter<KDate>))]
public readonly record struct KDate : IWireValue<KDate>
{
    private KDate(string? raw, DateOnly? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    public DateOnly? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    public string Expected => "date YYYYMMDD";

    public static KDate Parse(string? raw)
    {
        if (WireText.IsBlank(raw) || WireText.IsAllZeros(raw.AsSpan().Trim(' ')))
        {
            return new KDate(raw, null, false);
        }

        var text = raw.AsSpan().Trim(' ');
        return text.Length == 8 && WireText.IsDigits(text)
            && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new KDate(raw, value, false)
            : new KDate(raw, null, true);
    }

    public static KDate From(DateOnly value) => Parse(value.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    public override string ToString() => Value is { } value
        ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : WireFormat.Unparsed(Raw, IsMalformed);
}
