using System.Globalization;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Components.Elw;

/// <summary>A 0m push (ELW 이론가): theoretical price, implied volatility, the Greeks and the LP quote's volatility.</summary>
public sealed record ElwGreeksQuote(
    string Key, TimeOnly? Time, decimal? Theoretical, decimal? ImpliedVolatility, decimal? Delta, decimal? Gamma,
    decimal? Theta, decimal? Vega, decimal? Rho, decimal? LpImpliedVolatility, DateTimeOffset ReceivedAt) : ILiveValue
{
    public static ElwGreeksQuote? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.ElwTheoretical)
        {
            return null;
        }

        var v = e.Values;
        return new ElwGreeksQuote(
            e.Item, v.GetTime(RealtimeFid.Time), v.GetDecimal(RealtimeFid.TheoreticalPrice), v.GetDecimal(RealtimeFid.ImpliedVolatility), v.GetDecimal(RealtimeFid.Delta), v.GetDecimal(RealtimeFid.Gamma),
            v.GetDecimal(RealtimeFid.Theta), v.GetDecimal(RealtimeFid.Vega), v.GetDecimal(RealtimeFid.Rho), v.GetDecimal(RealtimeFid.LPQuoteImpliedVolatility), e.ReceivedAt);
    }

    /// <summary>
    /// The same figures from a ka10050 (ELW 민감도지표) row: the newest one stands in until the first 0m. The TR writes
    /// them without a decimal point (catalog): prices, IV and LP ×100, the Greeks with six implied decimals.
    /// </summary>
    public static ElwGreeksQuote FromSensitivity(string code, Ka10050ElwsnstIxArrayItem row, DateTimeOffset receivedAt) => new(
        code, row.FillTime.Value, Implied(row.ElwtheoryPric, 2), Implied(row.Iv, 2), Implied(row.Delta, 6), Implied(row.Gam, 6),
        Implied(row.Theta, 6), Implied(row.Vega, 6), Implied(row.Law, 6), Implied(row.Lp, 2), receivedAt);

    /// <summary>A number with <paramref name="decimals"/> implied decimals; one written with its own point is taken as written.</summary>
    private static decimal? Implied(string? text, int decimals)
    {
        var trimmed = text?.Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return trimmed!.Contains('.', StringComparison.Ordinal) ? value : value / (decimal)Math.Pow(10, decimals);
    }
}
