using System.Globalization;

namespace Dashboard.Web.Shell;

/// <summary>Korean won amounts: whole won, thousands separators, no decimals.</summary>
public static class Krw
{
    public static string Format(long won) => won.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>With the unit of the current UI language: "1,234원" or "₩1,234".</summary>
    public static string FormatWithUnit(long won, CultureInfo uiCulture) =>
        uiCulture.TwoLetterISOLanguageName == "ko" ? Format(won) + "원" : (won < 0 ? "-₩" + Format(-won) : "₩" + Format(won));
}
