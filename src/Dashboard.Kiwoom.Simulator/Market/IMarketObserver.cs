namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Receives market events. Called on the engine's thread while it holds the market gate: keep it cheap, never block.</summary>
public interface IMarketObserver
{
    void OnTrade(Instrument instrument, Trade trade);

    void OnVi(Instrument instrument, ViEvent vi, bool released);

    /// <summary>
    /// The book changed without a trade: orders were added or cancelled, or during a VI the single-price
    /// auction's expected price and quantity moved.
    /// </summary>
    void OnQuote(Instrument instrument, DateTimeOffset now);

    /// <summary>After each engine step (sector indices, NAVs and other derived feeds refresh here).</summary>
    void OnStep(DateTimeOffset now);
}
