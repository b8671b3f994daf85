namespace Dashboard.Web.Orders;

/// <summary>What the audit viewer asks for; every part optional. Dates are Korea-time calendar days.</summary>
public sealed record AuditFilter(
    string? MemberId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? StockCode = null,
    OrderAuditKind? Kind = null,
    int Page = 0,
    int PageSize = 50)
{
    /// <summary>The one date format of the viewer's filters, whatever the browser's locale.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>Reads a day typed as <see cref="DayFormat"/>; empty is no day. False when it is not such a date.</summary>
    public static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), DayFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
