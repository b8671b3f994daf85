namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>
/// One simulated brokerage account: cash, holdings, orders, realized P&amp;L, fees and taxes.
/// Mutated only under the market gate, by the order engine.
/// </summary>
public sealed class Account(string number, string appKey, long deposit)
{
    public string Number { get; } = number;

    public string AppKey { get; } = appKey;

    /// <summary>Cash in KRW (settlement is treated as immediate).</summary>
    public long Cash { get; internal set; } = deposit;

    public long InitialDeposit { get; } = deposit;

    public Dictionary<string, Holding> Holdings { get; } = new(StringComparer.Ordinal);

    public List<SimOrder> Orders { get; } = [];

    public List<Fill> Fills { get; } = [];

    public long RealizedPnl { get; internal set; }

    public long FeesToday { get; internal set; }

    public long TaxesToday { get; internal set; }

    /// <summary>Cash reserved by resting buy orders.</summary>
    public long ReservedCash => Orders.Where(o => o.IsOpen && o.Side == OrderSide.Buy).Sum(o => o.ReservePerShare * o.Remaining);

    public long OrderableCash => Cash - ReservedCash;

    public SavedCondition[] Conditions { get; internal set; } = [];
}
