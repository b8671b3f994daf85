namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>What a simulated listing is; drives its tick size, naming and which TRs describe it.</summary>
public enum InstrumentKind
{
    Stock,
    Etf,
    Elw,
    Gold,
}
