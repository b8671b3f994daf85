using System.Text.RegularExpressions;

namespace Dashboard.Web.Orders;

/// <summary>Makes free text safe for the audit: long digit runs (account numbers) keep only their last four digits.</summary>
public static partial class AuditText
{
    public const int MaxLength = 1000;

    public static string? Scrub(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var masked = LongDigits().Replace(text, m => new string('•', m.Length - 4) + m.Value[^4..]);
        return masked.Length <= MaxLength ? masked : masked[..MaxLength];
    }

    // Eight or more digits, optionally split by dashes (1234-5678-90): no price or quantity we write is that long.
    [GeneratedRegex(@"\d(?:-?\d){7,}")]
    private static partial Regex LongDigits();
}
