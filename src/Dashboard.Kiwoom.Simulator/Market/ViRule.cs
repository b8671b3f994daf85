namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// KRX volatility interruption (변동성완화장치) thresholds. Static VI: the price moves 10% or more from the static
/// reference (the last single-price auction's price, or the previous close before the first). Dynamic VI: one
/// trade moves from the last price by 3% for a KOSPI200 constituent or 6% for any other KOSPI or KOSDAQ stock
/// (KOSDAQ150 constituents included: KRX keys the tighter band to KOSPI200 membership only), tightened to 2% / 4%
/// in the closing single-price session. The guide in the shared folder does not state them; these are KRX's
/// market rules as published, and membership is the simulator's sector 201, the one ka20002 reports.
/// </summary>
public static class ViRule
{
    public const decimal StaticPercent = 10m;

    public static decimal DynamicPercent(bool kospi200, MarketSession session) => session == MarketSession.ClosingAuction
        ? (kospi200 ? 2m : 4m)
        : (kospi200 ? 3m : 6m);
}
