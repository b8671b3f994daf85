namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// A listed company's last reported figures: seeded per listing, fixed for the session, and consistent with
/// each other and with the share count (net income = EPS × shares, ROE = EPS / BPS, operating margin above the
/// net margin). The ratios a quote shows move with the live price: PER = price / EPS, PBR = price / BPS.
/// </summary>
/// <param name="SettlementMonth">Fiscal year-end month (most KRX companies close in December).</param>
/// <param name="Eps">Earnings per share, KRW.</param>
/// <param name="Bps">Book value per share, KRW.</param>
/// <param name="SalesEok">Annual sales, 100 million KRW.</param>
/// <param name="OperatingProfitEok">Annual operating profit, 100 million KRW.</param>
/// <param name="NetIncomeEok">Annual net income, 100 million KRW (EPS × listed shares).</param>
/// <param name="NetDebtEok">Net debt (negative for net cash), 100 million KRW, for enterprise value.</param>
/// <param name="FloatShares">Shares in free float (listed shares less the largest holders' blocks).</param>
public sealed record Fundamentals(
    int SettlementMonth,
    long Eps,
    long Bps,
    long SalesEok,
    long OperatingProfitEok,
    long NetIncomeEok,
    long NetDebtEok,
    long FloatShares)
{
    /// <summary>
    /// The figures of one listing from its salt and base price: a PER of 5-35 and a PBR of 0.4-3.5 at the
    /// previous close, which fix EPS and BPS; the statement lines follow from them.
    /// </summary>
    public static Fundamentals For(Instrument i)
    {
        // Its own generator, seeded by the listing's salt: the universe's generator is not drawn from, so every
        // seeded code, name and price stays as it was before fundamentals existed.
        var rng = new Random(i.Salt ^ 0x0F0F0F);
        var month = rng.Next(10) switch
        {
            0 => 3,
            1 => 6,
            _ => 12,
        };
        var per = 5m + (decimal)rng.NextDouble() * 30m;
        var pbr = 0.4m + (decimal)rng.NextDouble() * 3.1m;
        var eps = Math.Max(1, (long)Math.Round(i.BasePrice / per));
        var bps = Math.Max(1, (long)Math.Round(i.BasePrice / pbr));
        var netIncome = eps * i.ListedShares / 100_000_000;
        var netMargin = 0.03m + (decimal)rng.NextDouble() * 0.15m;
        var sales = (long)Math.Round(netIncome / netMargin);
        var operating = (long)Math.Round(sales * netMargin * (1.2m + (decimal)rng.NextDouble() * 0.4m));
        var netDebt = (long)Math.Round(bps * i.ListedShares / 100_000_000m * (-0.3m + (decimal)rng.NextDouble()));
        var floatShares = i.ListedShares * rng.Next(55, 96) / 100;
        return new Fundamentals(month, eps, bps, sales, operating, netIncome, netDebt, floatShares);
    }

    /// <summary>Price / EPS at a price.</summary>
    public decimal PerAt(long price) => Math.Round(price / (decimal)Eps, 2);

    /// <summary>Price / BPS at a price.</summary>
    public decimal PbrAt(long price) => Math.Round(price / (decimal)Bps, 2);

    /// <summary>Return on equity in percent: EPS / BPS.</summary>
    public decimal Roe => Math.Round(Eps * 100m / Bps, 2);

    /// <summary>EV / EBITDA at a price: market cap plus net debt over operating profit with depreciation added back.</summary>
    public decimal EvEbitdaAt(long price, long listedShares)
    {
        var ebitda = OperatingProfitEok * 1.3m;
        return ebitda <= 0 ? 0 : Math.Round((price * (decimal)listedShares / 100_000_000m + NetDebtEok) / ebitda, 2);
    }
}
