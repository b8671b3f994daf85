namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>One execution on the tape. Quantity is signed: + buyer-initiated, - seller-initiated. For an ETF, the NAV at that moment.</summary>
public readonly record struct Trade(DateTimeOffset Time, long Price, long Quantity, long CumulativeVolume, decimal Nav = 0);
