using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// Reads the code lists the catalog writes into descriptions ("Market type: 000:all, 001:KOSPI, 101:KOSDAQ",
/// "Trade type. 1: sell, 2: buy. Example: 2"). The guide is OCR'd prose, so the parser only accepts a
/// list it can read whole: anything odd (a value example such as "KRX:039490", "others: see …") gives
/// no list or an open one, and the form falls back to a text field, which can never lose a value.
/// </summary>
internal static partial class CodeListParser
{
    public static CodeList Parse(string description)
    {
        // What follows "; " is a remark about the list ("; others: see the sector code list"), not more codes.
        var text = ExampleTail().Split(description, 2)[0].Split("; ", 2)[0].TrimEnd(' ', '.');
        var parts = ListSeparator().Split(text);
        if (parts.Length < 2 || FirstPair().Match(parts[0]) is not { Success: true } first)
        {
            return CodeList.None;
        }

        var codes = new List<TrCode> { Code(first) };
        foreach (var part in parts.Skip(1))
        {
            if (Pair().Match(part) is not { Success: true } next)
            {
                return CodeList.None;
            }

            codes.Add(Code(next));
        }

        // "KRX:039490, NXT:039490_NX" documents the shape of a value, not codes to choose from.
        if (codes.Any(c => ValueLike().IsMatch(c.Label)) || codes.DistinctBy(c => c.Value).Count() != codes.Count)
        {
            return CodeList.None;
        }

        return new CodeList(codes, !OpenEnded().IsMatch(description));
    }

    private static TrCode Code(Match match)
    {
        // A trailing sentence after the last label is prose about the field, not part of the label.
        var label = match.Groups["label"].Value;
        var sentence = label.IndexOf(". ", StringComparison.Ordinal);
        return new TrCode(match.Groups["code"].Value, (sentence > 0 ? label[..sentence] : label).Trim());
    }

    [GeneratedRegex(@"\.?\s*Example\s*:")]
    private static partial Regex ExampleTail();

    [GeneratedRegex(@",\s*(?=[0-9A-Za-z_%]{1,12}\s*:)")]
    private static partial Regex ListSeparator();

    // The last code:label of the first part: "Market session type: Session: 0:all" starts at "0".
    [GeneratedRegex(@"(?<![0-9A-Za-z_%])(?<code>[0-9A-Za-z_%]{1,12})\s*:\s*(?<label>[^:]+?)\s*$")]
    private static partial Regex FirstPair();

    [GeneratedRegex(@"^(?<code>[0-9A-Za-z_%]{1,12})\s*:\s*(?<label>[^:]+?)\s*$")]
    private static partial Regex Pair();

    [GeneratedRegex(@"^[0-9][0-9A-Z_]*\)?$")]
    private static partial Regex ValueLike();

    [GeneratedRegex(@"\bothers?\b|\bsee\b|\betc\b|\.\.\.|\(only value documented\)|fixed value", RegexOptions.IgnoreCase)]
    private static partial Regex OpenEnded();
}
