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
            e.Item, v.GetTime(20), v.GetDecimal(670), v.GetDecimal(671), v.GetDecimal(672), v.GetDecimal(673),
            v.GetDecimal(674), v.GetDecimal(675), v.GetDecimal(676), v.GetDecimal(706), e.ReceivedAt);
    }
}
