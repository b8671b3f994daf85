using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Catalog;

/// <summary>
/// The facts a catalog field's description states. The catalog's descriptions are regular ("Unit: KRW;
/// signed number (leading + or - shows the direction …", "left zero-padded to 12 digits", "YYYYMMDD",
/// "Example: \"...\""), so one reading serves all 188 TRs. The generator turns these facts into C# types,
/// the simulator into wire values; neither reads the description text itself.
/// </summary>
public sealed partial record FieldDescription
{
    private FieldDescription(string text)
    {
        Text = text;
        var lower = text.ToLowerInvariant();
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        Headline = end < 0 ? text : text[..end];

        Example = ExampleRegex().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        ZeroPadded = lower.Contains("zero-padded", StringComparison.Ordinal);
        ZeroPadDigits = PadRegex().Match(lower) is { Success: true } p
            ? int.Parse(p.Groups[1].Success ? p.Groups[1].Value : p.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        LeadingSign = lower.Contains("leading + or -", StringComparison.Ordinal);
        SaysSigned = lower.Contains("signed", StringComparison.Ordinal);
        SaysSignedNumber = lower.Contains("signed number", StringComparison.Ordinal);
        ListsChangeSignCodes = ChangeSignCodesRegex().IsMatch(text);
        SaysSignCode = lower.Contains("sign code", StringComparison.Ordinal);
        DefinedAsChangeFromClose = lower.Contains("(current price - previous close)", StringComparison.Ordinal);

        Clock = lower.Contains("yyyymmddhhmmss", StringComparison.Ordinal) ? FieldClock.DateTime
            : lower.Contains("yyyymmdd", StringComparison.Ordinal) ? FieldClock.Date
            : lower.Contains("hhmmss", StringComparison.Ordinal) || lower.Contains("hh:mm:ss", StringComparison.Ordinal) ? FieldClock.Time
            : FieldClock.None;
        TimeHasColons = lower.Contains("hh:mm:ss", StringComparison.Ordinal);

        UnitIsWon = WonUnitRegex().IsMatch(text);
        UnitIsShares = ShareUnitRegex().IsMatch(text);
        UnitIsPlainWon = lower.Contains("unit: krw", StringComparison.Ordinal);
        UnitIsPlainShares = lower.Contains("unit: shares", StringComparison.Ordinal);
        UnitIsPercent = lower.Contains("unit: %", StringComparison.Ordinal);
        UnitIsIndex = lower.Contains("index points", StringComparison.Ordinal) || lower.Contains("unit: index", StringComparison.Ordinal);
        IndexPoints = lower.Contains("index points", StringComparison.Ordinal);
        MentionsWon = lower.Contains("krw", StringComparison.Ordinal);
        RateInPercent = lower.Contains("rate", StringComparison.Ordinal) && lower.Contains('%');
        CountsStocks = lower.Contains("number of stocks", StringComparison.Ordinal);
        UnitDivisor = lower.Contains("100 million krw", StringComparison.Ordinal) || lower.Contains("억원", StringComparison.Ordinal) ? 100_000_000L
            : lower.Contains("million krw", StringComparison.Ordinal) ? 1_000_000L
            : lower.Contains("thousand krw", StringComparison.Ordinal) || lower.Contains("thousand shares", StringComparison.Ordinal) ? 1_000L
            : 1L;
        TwoDecimals = lower.Contains("2 decimal", StringComparison.Ordinal);
        IndexTimes100 = lower.Contains("x100 with the decimal point removed", StringComparison.Ordinal);
        RateTimes100 = lower.Contains("x100 without decimal point", StringComparison.Ordinal);
        VersusAverage = lower.Contains("vs the estimated average price", StringComparison.Ordinal);
        APrefix = (Example?.StartsWith('A') == true && Example.Length == 7) || lower.Contains("prefix a", StringComparison.Ordinal);
        PercentSuffix = Example is { Length: > 1 } && Example[^1] == '%' && Example[..^1].All(char.IsAsciiDigit);

        MentionsBroker = lower.Contains("broker", StringComparison.Ordinal);
        MentionsSector = lower.Contains("sector", StringComparison.Ordinal);
        MentionsName = lower.Contains("name", StringComparison.Ordinal);
        NamesBrokerCode = BrokerCodeRegex().IsMatch(lower);
        NamesBrokerName = BrokerNameRegex().IsMatch(lower) || lower.StartsWith("member (broker) name", StringComparison.Ordinal);
        Subject = SubjectOf(lower);
        HeadlineNamesChange = Headline.StartsWith("change", StringComparison.OrdinalIgnoreCase) || Headline.Contains("net", StringComparison.OrdinalIgnoreCase);
        HeadlineNamesPrice = Headline.Contains("price", StringComparison.OrdinalIgnoreCase);
        IsWeight = (UnitIsPercent || RateInPercent) && Headline.Contains("weight", StringComparison.OrdinalIgnoreCase);
        IsMagnitude = lower.Contains("a size, not a direction", StringComparison.Ordinal);
    }

    /// <summary>The description as the catalog gives it.</summary>
    public string Text { get; }

    /// <summary>The first sentence, which names the quantity ("Current price", "Change vs previous day").</summary>
    public string Headline { get; }

    /// <summary>The headline names a change or a net figure ("Change vs previous day", "Net buying").</summary>
    public bool HeadlineNamesChange { get; }

    /// <summary>The headline names a price.</summary>
    public bool HeadlineNamesPrice { get; }

    /// <summary>
    /// A percentage that is a weight, a share of a whole: its headline names a weight ("Weight", "Holding weight (%)", "Foreign
    /// weight"). A weight is not a move: it reads without a plus sign and is never coloured up or down, whatever sign the
    /// wire puts on it (ka20003's "+31.25").
    /// </summary>
    public bool IsWeight { get; }

    /// <summary>
    /// A percentage that is a size, not a move ("a size, not a direction": a tracking error). It is written with the
    /// sign every rate is written with ("+0.04%") but never coloured up or down.
    /// </summary>
    public bool IsMagnitude { get; }

    /// <summary>What the description starts by naming, for the subjects both readers care about.</summary>
    public FieldSubject Subject { get; }

    /// <summary>The documented example value (<c>Example: "..."</c>), or null.</summary>
    public string? Example { get; }

    /// <summary>The description says the value is zero-padded (to some width).</summary>
    public bool ZeroPadded { get; }

    /// <summary>The padded width ("zero-padded to 12 digits", "zero-padded signed 9-digit"); 0 when not stated.</summary>
    public int ZeroPadDigits { get; }

    /// <summary>A price with a leading + or - that shows the direction versus the previous close, not arithmetic.</summary>
    public bool LeadingSign { get; }

    /// <summary>The word "signed" appears (a signed number or signed padded width).</summary>
    public bool SaysSigned { get; }

    /// <summary>The phrase "signed number" appears.</summary>
    public bool SaysSignedNumber { get; }

    /// <summary>The field lists the change-sign codes (1: upper limit, 2: up, 3: flat, 4: lower limit, 5: down).</summary>
    public bool ListsChangeSignCodes { get; }

    /// <summary>The description calls the field a sign code.</summary>
    public bool SaysSignCode { get; }

    /// <summary>Defined as (current price - previous close): a signed change.</summary>
    public bool DefinedAsChangeFromClose { get; }

    /// <summary>Which date or time form the description gives (the fullest one wins).</summary>
    public FieldClock Clock { get; }

    /// <summary>The time is written HH:mm:ss rather than HHmmss.</summary>
    public bool TimeHasColons { get; }

    /// <summary>"Unit: KRW", "Unit: million KRW" or "Unit: 100 million KRW".</summary>
    public bool UnitIsWon { get; }

    /// <summary>"Unit: shares", "Unit: 1,000 shares" or "Unit: number of stocks".</summary>
    public bool UnitIsShares { get; }

    /// <summary>Exactly "Unit: KRW" (not a multiple).</summary>
    public bool UnitIsPlainWon { get; }

    /// <summary>Exactly "Unit: shares" (not a multiple).</summary>
    public bool UnitIsPlainShares { get; }

    /// <summary>"Unit: %".</summary>
    public bool UnitIsPercent { get; }

    /// <summary>An index value ("index points" or "Unit: index").</summary>
    public bool UnitIsIndex { get; }

    /// <summary>The phrase "index points" (two implied decimals unless sent ×100).</summary>
    public bool IndexPoints { get; }

    /// <summary>Won appear anywhere (an amount unless the field is price-like).</summary>
    public bool MentionsWon { get; }

    /// <summary>A rate given in percent.</summary>
    public bool RateInPercent { get; }

    /// <summary>A count of stocks.</summary>
    public bool CountsStocks { get; }

    /// <summary>How many won (or shares) one unit of the value is: 1, 1,000, 1,000,000 or 100,000,000.</summary>
    public long UnitDivisor { get; }

    /// <summary>Two decimal places are stated.</summary>
    public bool TwoDecimals { get; }

    /// <summary>An index sent ×100 with the decimal point removed.</summary>
    public bool IndexTimes100 { get; }

    /// <summary>A rate sent ×100 without the decimal point (<c>"2658"</c> is 26.58%).</summary>
    public bool RateTimes100 { get; }

    /// <summary>A change or rate measured from the estimated average price rather than the previous close.</summary>
    public bool VersusAverage { get; }

    /// <summary>A stock code with the "A" prefix ("A005930").</summary>
    public bool APrefix { get; }

    /// <summary>A whole percentage with its sign, as in <c>"20%"</c> (margin and guarantee rates).</summary>
    public bool PercentSuffix { get; }

    /// <summary>A broker is mentioned (the bare code/name columns of code lists say what they name).</summary>
    public bool MentionsBroker { get; }

    /// <summary>A sector is mentioned.</summary>
    public bool MentionsSector { get; }

    /// <summary>The word "name" appears.</summary>
    public bool MentionsName { get; }

    /// <summary>Names a broker code ("broker code", "broker 3 code").</summary>
    public bool NamesBrokerCode { get; }

    /// <summary>Names a broker name ("broker name", "member (broker) name").</summary>
    public bool NamesBrokerName { get; }

    /// <summary>
    /// Reads <paramref name="description"/>, once per distinct text: the readers (the explorer's tables render on every
    /// refresh) ask again and again, and a reading is a dozen regular expressions. The texts are the catalog's own
    /// descriptions (a few thousand), so the cache stays as small as the catalog.
    /// </summary>
    public static FieldDescription Read(string description) => Readings.GetOrAdd(description ?? string.Empty, static text => new FieldDescription(text));

    private static readonly ConcurrentDictionary<string, FieldDescription> Readings = new(StringComparer.Ordinal);

    private static FieldSubject SubjectOf(string lower) =>
        lower.StartsWith("stock code", StringComparison.Ordinal) || lower.StartsWith("stock number", StringComparison.Ordinal) ? FieldSubject.StockCode
        : lower.StartsWith("stock name", StringComparison.Ordinal) ? FieldSubject.StockName
        : lower.StartsWith("rank", StringComparison.Ordinal) ? FieldSubject.Rank
        : lower.StartsWith("sector code", StringComparison.Ordinal) ? FieldSubject.SectorCode
        : lower.StartsWith("sector name", StringComparison.Ordinal) ? FieldSubject.SectorName
        : lower.StartsWith("order number", StringComparison.Ordinal) ? FieldSubject.OrderNumber
        : lower.StartsWith("domestic exchange type", StringComparison.Ordinal) ? FieldSubject.DomesticExchange
        : lower.StartsWith("par value", StringComparison.Ordinal) ? FieldSubject.ParValue
        : lower.StartsWith("change vs", StringComparison.Ordinal) || lower.StartsWith("change.", StringComparison.Ordinal) ? FieldSubject.Change
        : lower.StartsWith("count", StringComparison.Ordinal) ? FieldSubject.Count
        : FieldSubject.Other;

    [GeneratedRegex("Example: \"([^\"]*)\"")]
    private static partial Regex ExampleRegex();

    [GeneratedRegex("zero-padded to (\\d+) digits|zero-padded signed (\\d+)-digit")]
    private static partial Regex PadRegex();

    [GeneratedRegex(@"1\s*:\s*upper limit", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeSignCodesRegex();

    [GeneratedRegex(@"Unit: (1,000 )?(shares|number of stocks)", RegexOptions.IgnoreCase)]
    private static partial Regex ShareUnitRegex();

    [GeneratedRegex(@"Unit: (KRW|million KRW|100 million KRW)", RegexOptions.IgnoreCase)]
    private static partial Regex WonUnitRegex();

    [GeneratedRegex("broker (?:\\d+ )?code")]
    private static partial Regex BrokerCodeRegex();

    [GeneratedRegex("broker (?:\\d+ )?name")]
    private static partial Regex BrokerNameRegex();
}

/// <summary>The date or time form a description gives.</summary>
public enum FieldClock
{
    None,
    Date,
    Time,
    DateTime,
}

/// <summary>What a description starts by naming (its headline), where that decides how the field is read.</summary>
public enum FieldSubject
{
    Other,
    StockCode,
    StockName,
    Rank,
    SectorCode,
    SectorName,
    OrderNumber,
    DomesticExchange,
    ParValue,
    Change,
    Count,
}
