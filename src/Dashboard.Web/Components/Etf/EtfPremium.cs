using System.Globalization;

namespace Dashboard.Web.Components.Etf;

/// <summary>Premium (+) or discount (−) of an ETF's price over its NAV, in percent.</summary>
public static class EtfPremium
{
    public static decimal? Percent(long price, decimal? nav) =>
        nav is { } n && n > 0 && price > 0 ? Math.Round((price - n) / n * 100m, 2) : null;

    /// <summary>Reads a wire NAV or rate ("+24210.55", "-0.12", "24210"); null when blank or not a number.</summary>
    public static decimal? Parse(string? wire) =>
        decimal.TryParse(wire?.Trim(), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
