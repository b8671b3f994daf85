namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>One execution on the tape. Quantity is signed: + buyer-initiated, - seller-initiated.</summary>
public readonly record struct Trade(DateTimeOffset Time, long Price, long Quantity, long CumulativeVolume);
