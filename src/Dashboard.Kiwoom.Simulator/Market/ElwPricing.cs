namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// Black-Scholes pricing for ELWs so theoretical prices and Greeks are mutually consistent:
/// the simulated market quotes each warrant at its theoretical value on the underlying's live price.
/// </summary>
public static class ElwPricing
{
    public const double Volatility = 0.32;
    public const double RiskFreeRate = 0.03;

    public static ElwGreeks Evaluate(ElwTerms terms, long underlyingPrice, DateOnly today)
    {
        var s = (double)underlyingPrice;
        var k = (double)terms.Strike;
        var ratio = (double)terms.ConversionRatio;
        var t = Math.Max(1, terms.Expiry.DayNumber - today.DayNumber) / 365.0;
        var sqrtT = Math.Sqrt(t);
        var d1 = (Math.Log(s / k) + (RiskFreeRate + Volatility * Volatility / 2) * t) / (Volatility * sqrtT);
        var d2 = d1 - Volatility * sqrtT;
        var discount = Math.Exp(-RiskFreeRate * t);
        var pdf = Math.Exp(-d1 * d1 / 2) / Math.Sqrt(2 * Math.PI);
        double value, delta, theta, rho;
        if (terms.IsCall)
        {
            value = s * Cdf(d1) - k * discount * Cdf(d2);
            delta = Cdf(d1);
            theta = -s * pdf * Volatility / (2 * sqrtT) - RiskFreeRate * k * discount * Cdf(d2);
            rho = k * t * discount * Cdf(d2);
        }
        else
        {
            value = k * discount * Cdf(-d2) - s * Cdf(-d1);
            delta = Cdf(d1) - 1;
            theta = -s * pdf * Volatility / (2 * sqrtT) + RiskFreeRate * k * discount * Cdf(-d2);
            rho = -k * t * discount * Cdf(-d2);
        }

        var gamma = pdf / (s * Volatility * sqrtT);
        var vega = s * pdf * sqrtT;
        return new ElwGreeks(
            Math.Max(0, (long)Math.Round(value * ratio)),
            Volatility,
            delta,
            gamma * ratio,
            theta * ratio / 365,
            vega * ratio / 100,
            rho * ratio / 100);
    }

    // Abramowitz-Stegun 26.2.17: accurate to 7.5e-8, enough for quotes in whole won.
    private static double Cdf(double x)
    {
        var t = 1 / (1 + 0.2316419 * Math.Abs(x));
        var poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        var tail = Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI) * poly;
        return x >= 0 ? 1 - tail : tail;
    }
}
