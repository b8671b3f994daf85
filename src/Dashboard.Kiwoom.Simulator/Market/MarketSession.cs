namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Trading phase of the exchange at a moment.</summary>
public enum MarketSession
{
    Closed,
    PreMarketAfterHours,
    OpeningAuction,
    Continuous,
    ClosingAuction,
    AfterHoursClose,
    AfterHoursSinglePrice,
}
