using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>Counts what the market engine tells its observers, per listing. The engine calls it under its gate.</summary>
public sealed class MarketRecorder : IMarketObserver
{
    private readonly Dictionary<string, int> _trades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _quotes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Trades => _trades;

    public IReadOnlyDictionary<string, int> Quotes => _quotes;

    public void OnTrade(Instrument instrument, Trade trade) => _trades[instrument.Code] = _trades.GetValueOrDefault(instrument.Code) + 1;

    public void OnQuote(Instrument instrument, DateTimeOffset now) => _quotes[instrument.Code] = _quotes.GetValueOrDefault(instrument.Code) + 1;

    public void OnVi(Instrument instrument, ViEvent vi, bool released)
    {
        // VI pushes are checked on the socket; only trades and quotes are counted here.
    }

    public void OnStep(DateTimeOffset now)
    {
        // Steps are driven by the test itself.
    }
}
