using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>Quote snapshots the test sets per code (none by default); the portfolio needs no other market snapshot.</summary>
internal sealed class FakeMarketQueries : IMarketQueries
{
    public ConcurrentDictionary<string, Quote> Quotes { get; } = new(StringComparer.Ordinal);

    /// <summary>While set and not completed, quote snapshots wait for it.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public async Task<KiwoomResult<IReadOnlyList<Quote>>> GetQuotesAsync(IReadOnlyList<string> codes, CancellationToken ct = default)
    {
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        return KiwoomResult<IReadOnlyList<Quote>>.Success([.. codes.Where(Quotes.ContainsKey).Select(c => Quotes[c])]);
    }

    public Task<KiwoomResult<IndexQuote>> GetIndexAsync(string code, CancellationToken ct = default) =>
        throw new NotSupportedException("The portfolio reads no index.");

    public Task<KiwoomResult<StockBasics>> GetBasicsAsync(string code, CancellationToken ct = default) =>
        throw new NotSupportedException("The portfolio reads no basics.");

    public Task<KiwoomResult<IReadOnlyList<StockListing>>> SearchAsync(string text, int max, CancellationToken ct = default) =>
        throw new NotSupportedException("The portfolio searches no symbols.");
}
