namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// One execution on the tape. Quantity is signed: + buyer-initiated, - seller-initiated. For an ETF, the NAV at that
/// moment. <paramref name="SinglePrice"/>: the crossing of a single-price auction (VI release, closing auction), where
/// every order that crosses fills at this one price rather than at its own limit.
/// </summary>
public readonly record struct Trade(DateTimeOffset Time, long Price, long Quantity, long CumulativeVolume, decimal Nav = 0, bool SinglePrice = false);
