namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Receives market events. Called on the engine's thread while it holds the market gate: keep it cheap, never block.</summary>
public interface IMarketObserver
{
    void OnTrade(Instrument instrument, Trade trade);

    void OnVi(Instrument instrument, ViEvent vi, bool released);

    /// <summary>After each engine step (sector indices, NAVs and other derived feeds refresh here).</summary>
    void OnStep(DateTimeOffset now);
}
