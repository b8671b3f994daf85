namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// An ETF's NAV on past days. The basket's past closes are separate seeded walks that do not add up to the fund's own
/// past closes, so a past NAV is the fund's close less that day's premium: a seeded few basis points per fund and day
/// (liquidity providers keep a KRX ETF within a fraction of a percent of its NAV), each day its own. Today's NAV is the
/// one the engine reports now (<see cref="MarketEngine.EtfNav"/>), and the last trading day's is the basket at its
/// members' closes, the base today's NAV change is measured from (ka40009, 0G): one NAV per fund and day in every TR.
/// </summary>
public static class EtfHistory
{
    /// <summary>Largest premium or discount of a past close to its NAV, in percent.</summary>
    public const decimal MaxPremiumPercent = 0.30m;

    /// <summary>The NAV per share of <paramref name="etf"/> on <paramref name="day"/>, whose close was <paramref name="close"/>.</summary>
    public static decimal NavOn(MarketEngine engine, Instrument etf, DateOnly day, long close)
    {
        var today = KoreaTime.Today(engine.Clock);
        return day >= today ? engine.EtfNav(etf)
            : day == SessionSchedule.TradingDaysBefore(today).First() ? engine.EtfNavAt(etf, static m => m.BasePrice)
            : Math.Round(close / (1 + PremiumPercent(etf, day) / 100), 2);
    }

    /// <summary>The premium (+) or discount (-) of the close to the NAV on a past day, in percent: stable per fund and day.</summary>
    public static decimal PremiumPercent(Instrument etf, DateOnly day)
    {
        var rng = new Random(etf.Salt ^ day.DayNumber);
        return Math.Round(((decimal)rng.NextDouble() * 2 - 1) * MaxPremiumPercent, 2);
    }
}
