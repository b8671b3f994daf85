namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// When the expected execution (예상체결) fields carry a value: only while orders are matched at a single price,
/// the opening auction (08:30-09:00), the closing auction (15:20-15:30) and a VI's single-price period. In the
/// continuous session Kiwoom sends them as zero (PROTOCOL.md 7.9: FID 291 "valid only during the auction period").
/// </summary>
public static class Auction
{
    public static bool IsSinglePrice(MarketSession session) =>
        session is MarketSession.PreMarketAfterHours or MarketSession.OpeningAuction or MarketSession.ClosingAuction;

    public static bool IsOn(Instrument i, MarketSession session) => i.InVi || IsSinglePrice(session);

    /// <summary>
    /// The expected price and quantity, or zeros outside an auction. A VI auction and the closing auction have their own
    /// crossing price from the orders they hold; the opening auction is not order-matched by the model, so it expects
    /// the last price for the quantity at the touch.
    /// </summary>
    public static (long Price, long Quantity) Expected(Instrument i, MarketSession session) =>
        i.InVi || (session == MarketSession.ClosingAuction && i.ExpectedPrice > 0)
        ? (i.ExpectedPrice, i.ExpectedQuantity)
        : IsSinglePrice(session) ? (i.Last, Math.Min(i.AskQuantities[0], i.BidQuantities[0])) : (0, 0);
}
