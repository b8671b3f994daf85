using System.Globalization;
using Dashboard.Web.Shell;

namespace Dashboard.Web.Components.Portfolio;

/// <summary>How the portfolio screen writes amounts (always with 원 / ₩) and rates, and colours them (red gain, blue loss); prices and quantities stay bare numbers as on every market screen.</summary>
public static class PortfolioFormat
{
    /// <summary>An amount of money with the unit of the member's language ("1,234원", "₩1,234"), as everywhere on this page.</summary>
    public static string Won(long won) => Krw.FormatWithUnit(won, CultureInfo.CurrentUICulture);

    /// <summary>A gain or loss: "+1,234원" / "-1,234원" ("+₩1,234" / "-₩1,234"); nothing is "+0".</summary>
    public static string SignedWon(long won) => won > 0 ? "+" + Won(won) : Won(won);

    public static string SignedRate(decimal rate) => Percent.Signed(rate);

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
