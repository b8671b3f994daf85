using Dashboard.Kiwoom;

namespace Dashboard.Web.Broker;

/// <summary>Market snapshots of a session, mapped to the values the pages show.</summary>
public interface IMarketQueries
{
    /// <summary>Current quotes of <paramref name="codes"/> (ka10095, in batches).</summary>
    Task<KiwoomResult<IReadOnlyList<Quote>>> GetQuotesAsync(IReadOnlyList<string> codes, CancellationToken ct = default);

    /// <summary>The current value of a sector index (ka20001).</summary>
    Task<KiwoomResult<IndexQuote>> GetIndexAsync(string code, CancellationToken ct = default);

    /// <summary>The basic quote of one stock (ka10001).</summary>
    Task<KiwoomResult<StockBasics>> GetBasicsAsync(string code, CancellationToken ct = default);

    /// <summary>Stocks whose code starts with, or whose name contains, <paramref name="text"/> (ka10099, read once per session).</summary>
    Task<KiwoomResult<IReadOnlyList<StockListing>>> SearchAsync(string text, int max, CancellationToken ct = default);
}
