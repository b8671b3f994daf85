using System.Globalization;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Components.Etf;

/// <summary>Premium (+) or discount (−) of an ETF's price over its NAV, in percent.</summary>
public static class EtfPremium
{
    public static decimal? Percent(long price, decimal? nav) =>
        nav is { } n && n > 0 && price > 0 ? Math.Round((price - n) / n * 100m, 2) : null;

    /// <summary>Reads a wire rate ("+0.25", "-0.12", "0.10"); null when blank or not a number.</summary>
    public static decimal? Parse(string? wire) =>
        decimal.TryParse(wire?.Trim(), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Reads a wire NAV: a price, so its leading + or - is the direction vs the day before, not a sign
    /// ("-54076.85" is 54,076.85, down); null when blank or not a number.
    /// </summary>
    public static SignedDecimalPrice? ParseNav(string? wire) =>
        wire is not null && RealtimeValueParser.TryParseDecimalPrice(System.Text.Encoding.UTF8.GetBytes(wire), out var nav) ? nav : null;
}
