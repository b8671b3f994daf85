using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A stock code as sent: "005930", "A005930" (account and condition-search answers prefix A, J or Q
/// to 6-character codes), "005930_NX"/"005930_AL" (venue suffix) or alphanumeric ("00680K",
/// "57JBHH", gold "M04020000"). <see cref="Code"/> is the bare code; codes stay strings.
/// </summary>
[JsonConverter(typeof(WireValueConverter<StockCode>))]
public readonly record struct StockCode : IWireValue<StockCode>
{
    private const int MaxCodeLength = 12;

    private StockCode(string? raw, string? code, StockVenue venue, bool malformed)
    {
        Raw = raw;
        Code = code;
        Venue = venue;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    /// <summary>The bare code without a type prefix or venue suffix ("005930").</summary>
    public string? Code { get; }

    public StockVenue Venue { get; }

    /// <summary>The code with its venue suffix, as a request field expects it ("005930_NX").</summary>
    public string? CodeWithVenue => Code is null ? null : Code + Venue switch
    {
        StockVenue.Nextrade => "_NX",
        StockVenue.Combined => "_AL",
        _ => string.Empty,
    };

    public bool HasValue => Code is not null;

    public bool IsMalformed { get; }

    public string Expected => "stock code (upper-case letters and digits, optional A prefix, _NX/_AL suffix)";

    public static StockCode Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new StockCode(raw, null, StockVenue.Krx, false);
        }

        var text = raw.AsSpan().Trim(' ');
        var venue = StockVenue.Krx;
        if (text.EndsWith("_NX", StringComparison.Ordinal))
        {
            venue = StockVenue.Nextrade;
            text = text[..^3];
        }
        else if (text.EndsWith("_AL", StringComparison.Ordinal))
        {
            venue = StockVenue.Combined;
            text = text[..^3];
        }

        if (text.Length == 7 && text[0] is 'A' or 'J' or 'Q')
        {
            text = text[1..];
        }

        if (text.IsEmpty || text.Length > MaxCodeLength || !IsCodeText(text))
        {
            return new StockCode(raw, null, StockVenue.Krx, true);
        }

        return new StockCode(raw, text.ToString(), venue, false);
    }

    public override string ToString() => CodeWithVenue ?? WireFormat.Unparsed(Raw, IsMalformed);

    private static bool IsCodeText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
