using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Web.Broker;

/// <summary>
/// Market snapshots of a session for the first paint and for reconciliation after a reconnect, and the
/// cached listing behind the symbol search.
/// </summary>
internal sealed class SessionMarketQueries(IBrokerQueries queries, BrokerOptions options, TimeProvider time, CancellationToken sessionClosing)
    : IMarketQueries
{
    /// <summary>ka10099 markets searched: KOSPI and KOSDAQ.</summary>
    private static readonly string[] ListingMarkets = ["0", "10"];

    private const int MaxListingPages = 50;

    private readonly Lock gate = new();
    private Task<KiwoomResult<IReadOnlyList<StockListing>>>? listing;

    public async Task<KiwoomResult<IReadOnlyList<Quote>>> GetQuotesAsync(IReadOnlyList<string> codes, CancellationToken ct = default)
    {
        var quotes = new List<Quote>(codes.Count);
        foreach (var batch in codes.Distinct(StringComparer.Ordinal).Chunk(options.SnapshotBatchSize))
        {
            var answer = await queries.QueryAsync(new Ka10095Request { StockCode = string.Join('|', batch) }, ct);
            if (!answer.IsSuccess)
            {
                return answer.Error;
            }

            quotes.AddRange(MarketMapping.ToQuotes(answer.Value, time.GetUtcNow()));
        }

        return KiwoomResult<IReadOnlyList<Quote>>.Success(quotes);
    }

    public async Task<KiwoomResult<IndexQuote>> GetIndexAsync(string code, CancellationToken ct = default)
    {
        var answer = await queries.QueryAsync(new Ka20001Request { MarketType = MarketMapping.IndexMarket(code), IndsCd = code }, ct);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        return MarketMapping.ToIndexQuote(code, answer.Value, time.GetUtcNow()) is { } quote
            ? KiwoomResult<IndexQuote>.Success(quote)
            : Unreadable("ka20001", $"no index value for {code}");
    }

    public async Task<KiwoomResult<StockBasics>> GetBasicsAsync(string code, CancellationToken ct = default)
    {
        var answer = await queries.QueryAsync(new Ka10001Request { StockCode = code }, ct);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        return MarketMapping.ToBasics(answer.Value, time.GetUtcNow()) is { } basics
            ? KiwoomResult<StockBasics>.Success(basics)
            : Unreadable("ka10001", $"no price for {code}");
    }

    /// <summary>The listing (ka10099) is read once per session; a failed read is tried again on the next search.</summary>
    public async Task<KiwoomResult<IReadOnlyList<StockListing>>> SearchAsync(string text, int max, CancellationToken ct = default)
    {
        var query = text.Trim();
        if (query.Length == 0)
        {
            return KiwoomResult<IReadOnlyList<StockListing>>.Success([]);
        }

        Task<KiwoomResult<IReadOnlyList<StockListing>>> loading;
        lock (gate)
        {
            listing ??= LoadListingAsync(sessionClosing);
            loading = listing;
        }

        var all = await loading.WaitAsync(ct);
        if (!all.IsSuccess)
        {
            lock (gate)
            {
                if (listing == loading)
                {
                    listing = null;
                }
            }

            return all.Error;
        }

        return KiwoomResult<IReadOnlyList<StockListing>>.Success(all.Value
            .Where(s => s.Code.StartsWith(query, StringComparison.OrdinalIgnoreCase) || s.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Code.StartsWith(query, StringComparison.OrdinalIgnoreCase) || s.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(max)
            .ToList());
    }

    private async Task<KiwoomResult<IReadOnlyList<StockListing>>> LoadListingAsync(CancellationToken ct)
    {
        var all = new Dictionary<string, StockListing>(StringComparer.Ordinal);
        foreach (var market in ListingMarkets)
        {
            await foreach (var page in queries.QueryPagesAsync(new Ka10099Request { MarketType = market }, MaxListingPages, ct))
            {
                if (!page.IsSuccess)
                {
                    return page.Error;
                }

                foreach (var stock in MarketMapping.ToListings(page.Value))
                {
                    all.TryAdd(stock.Code, stock);
                }
            }
        }

        return KiwoomResult<IReadOnlyList<StockListing>>.Success(all.Values.ToList());
    }

    private static KiwoomError Unreadable(string apiId, string what) =>
        new(KiwoomErrorKind.Server, -1, null, $"{apiId}: the answer had {what}.");
}
