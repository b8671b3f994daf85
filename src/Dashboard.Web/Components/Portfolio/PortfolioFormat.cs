using System.Globalization;
using Dashboard.Web.Shell;

namespace Dashboard.Web.Components.Portfolio;

/// <summary>How the portfolio screen writes signed amounts and rates, and colours them (red gain, blue loss).</summary>
public static class PortfolioFormat
{
    public static string SignedWon(long won) => won > 0 ? "+" + Krw.Format(won) : Krw.Format(won);

    public static string SignedRate(decimal rate) => rate.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    public static string Rate(decimal rate) => rate.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A gain is coloured like a rising price and a loss like a falling one, under the member's convention.</summary>
    public static string ProfitClass(long profit) => profit switch
    {
        > 0 => "price-up",
        < 0 => "price-down",
        _ => "price-flat",
    };

    public static string StaleClass(bool stale) => stale ? "portfolio-stale" : string.Empty;
}
