using System.Globalization;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Web.Components.Flows;

/// <summary>
/// Column headers of a TR's answer table in the reader's language, straight from the catalog: the Korean
/// name, or the English one that opens the field's description ("Fill date. YYYYMMDD." reads "Fill date").
/// </summary>
public static class TrColumnNames
{
    public static string Of(string apiId, string listName, TrColumn column, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName == "ko")
        {
            return column.NameKo.Length > 0 ? column.NameKo : column.Name;
        }

        var field = KiwoomCatalog.Default.Find(apiId)?.Response
            .FirstOrDefault(f => f.Name == listName)?.Fields?
            .FirstOrDefault(f => f.Name == column.Name);
        return field is null || field.Desc.Length == 0 ? column.Name : English(field.Desc);
    }

    /// <summary>The description's first clause: up to the first ". ", ":" or "(".</summary>
    public static string English(string desc)
    {
        var end = desc.Length;
        foreach (var stop in new[] { ". ", ":", " (" })
        {
            var at = desc.IndexOf(stop, StringComparison.Ordinal);
            if (at > 0 && at < end)
            {
                end = at;
            }
        }

        return desc[..end].TrimEnd('.', ' ');
    }

    /// <summary>Whether a column holds a stock (or ETF/ELW) code that links to its page.</summary>
    public static bool IsCode(string name) => name == "stk_cd" || name.EndsWith("_stk_cd", StringComparison.Ordinal);

    /// <summary>Whether a column holds a stock name that links with the code of the same row.</summary>
    public static bool IsName(string name) => name == "stk_nm" || name.EndsWith("_stk_nm", StringComparison.Ordinal);
}
