using System.Globalization;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Web.Components.Market;

/// <summary>
/// The header's company figures from the same ka10001 answer as the price: market cap (억원), PER/PBR/EPS/ROE
/// (vendor figures, updated about weekly; empty for ETFs and the like), the 250-day (52-week) range and how much
/// of the foreign ownership limit is used. Kiwoom signs the range prices by direction; the sign is not arithmetic.
/// </summary>
public sealed record StockFundamentals(
    long? MarketCapEok,
    decimal? Per,
    decimal? Pbr,
    long? Eps,
    decimal? Roe,
    long? High250,
    long? Low250,
    decimal? ForeignLimitUsedRate)
{
    public static StockFundamentals From(Ka10001Response r) => new(
        r.Mac.Value,
        Ratio(r.Per),
        Ratio(r.Pbr),
        Ratio(r.Eps) is { } eps ? (long)eps : null,
        Ratio(r.Roe),
        Abs(r.N250hgst.Value),
        Abs(r.N250lwst.Value),
        r.ForExhRt.Value);

    /// <summary>Blank (no company figures) is unknown, not zero.</summary>
    private static decimal? Ratio(string? raw) =>
        decimal.TryParse(raw?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? Abs(long? value) => value is { } v ? Math.Abs(v) : null;
}
