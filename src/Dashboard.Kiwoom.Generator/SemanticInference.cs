using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Generator;

/// <summary>
/// Reads a semantic type out of a catalog field description. The descriptions are regular ("Unit:
/// KRW; signed number (leading + or - shows the direction …", "Unit: %", "YYYYMMDD"); anything that
/// matches no rule stays a string, and the overlay corrects the rest.
/// </summary>
internal static partial class SemanticInference
{
    public static SemanticType Infer(FieldSpec field) => Infer(field.Desc);

    public static SemanticType Infer(string desc)
    {
        var headline = Headline(desc);
        if (ChangeSignCodes().IsMatch(desc))
        {
            return SemanticType.ChangeSign;
        }

        if (desc.Contains("YYYYMMDDHHmmss", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.DateTime;
        }

        if (desc.Contains("YYYYMMDD", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.Date;
        }

        if (desc.Contains("HHmmss", StringComparison.OrdinalIgnoreCase) || desc.Contains("HH:mm:ss", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.Time;
        }

        if (desc.Contains("Unit: %", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.Rate;
        }

        if (headline.StartsWith("Stock code", StringComparison.OrdinalIgnoreCase) || headline.StartsWith("Stock number", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.StockCode;
        }

        if (Shares().IsMatch(desc))
        {
            return SemanticType.Quantity;
        }

        if (desc.Contains("(current price - previous close)", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.SignedNumber;
        }

        if (Won().IsMatch(desc))
        {
            return Money(desc, headline);
        }

        return SemanticType.String;
    }

    private static SemanticType Money(string desc, string headline)
    {
        var isChange = headline.StartsWith("Change", StringComparison.OrdinalIgnoreCase)
            || headline.Contains("net", StringComparison.OrdinalIgnoreCase);
        var zeroPadded = desc.Contains("zero-padded", StringComparison.OrdinalIgnoreCase);
        if (isChange)
        {
            return SemanticType.SignedNumber;
        }

        if (!zeroPadded && headline.Contains("price", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticType.SignedPrice;
        }

        return desc.Contains("signed number", StringComparison.OrdinalIgnoreCase) && !zeroPadded
            ? SemanticType.SignedNumber
            : SemanticType.Amount;
    }

    /// <summary>The first sentence, which names the quantity ("Current price", "Change vs previous day").</summary>
    private static string Headline(string desc)
    {
        var end = desc.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? desc : desc[..end];
    }

    [GeneratedRegex(@"1\s*:\s*upper limit", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeSignCodes();

    [GeneratedRegex(@"Unit: (1,000 )?(shares|number of stocks)", RegexOptions.IgnoreCase)]
    private static partial Regex Shares();

    [GeneratedRegex(@"Unit: (KRW|million KRW|100 million KRW)", RegexOptions.IgnoreCase)]
    private static partial Regex Won();
}
