using System.Globalization;

namespace Dashboard.Web.Shell;

/// <summary>
/// Change rates and index point changes as every screen writes them: always two decimals and a sign on a
/// move ("+1.23%", "-0.50%", "0.00%"), so columns line up and a flat value never reads "+0".
/// </summary>
public static class Percent
{
    /// <summary>A signed rate with its percent sign: "+1.23%".</summary>
    public static string Signed(decimal rate) => SignedNumber(rate) + "%";

    /// <summary>A signed rate, or "-" when there is none.</summary>
    public static string SignedOrDash(decimal? rate) => rate is { } r ? Signed(r) : "-";

    /// <summary>A signed two-decimal number without the percent sign (a rate inside a sentence that names its unit).</summary>
    public static string SignedNumber(decimal value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>A signed change of index points with thousands separators: "+1,234.56".</summary>
    public static string SignedPoints(decimal points) => points.ToString("+#,0.00;-#,0.00;0.00", CultureInfo.InvariantCulture);
}
