using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

// Market queries of a session: snapshots for the first paint and for reconciliation after a reconnect,
// and the cached listing behind the symbol search.
public sealed partial class BrokerSession
{
    /// <summary>ka10099 markets searched: KOSPI and KOSDAQ.</summary>
    private static readonly string[] ListingMarkets = ["0", "10"];

    private const int MaxListingPages = 50;

    private Task<KiwoomResult<IReadOnlyList<StockListing>>>? listing;

    /// <summary>Current quotes of <paramref name="codes"/> through ka10095, in batches.</summary>
    public async Task<KiwoomResult<IReadOnlyList<Quote>>> GetQuotesAsync(IReadOnlyList<string> codes, CancellationToken ct = default)
    {
        var quotes = new List<Quote>(codes.Count);
        foreach (var batch in codes.Distinct(StringComparer.Ordinal).Chunk(options.SnapshotBatchSize))
        {
            var answer = await SendAsync(new Ka10095Request { StockCode = string.Join('|', batch) }, ct);
            if (!answer.IsSuccess)
            {
                return answer.Error;
            }

            quotes.AddRange(MarketMapping.ToQuotes(answer.Value, time.GetUtcNow()));
        }

        return KiwoomResult<IReadOnlyList<Quote>>.Success(quotes);
    }

    /// <summary>The current value of a sector index through ka20001.</summary>
    public async Task<KiwoomResult<IndexQuote>> GetIndexAsync(string code, CancellationToken ct = default)
    {
        var answer = await SendAsync(new Ka20001Request { MarketType = MarketMapping.IndexMarket(code), IndsCd = code }, ct);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        return MarketMapping.ToIndexQuote(code, answer.Value, time.GetUtcNow()) is { } quote
            ? KiwoomResult<IndexQuote>.Success(quote)
            : Unreadable("ka20001", $"no index value for {code}");
    }

    /// <summary>The basic quote of one stock through ka10001.</summary>
    public async Task<KiwoomResult<StockBasics>> GetBasicsAsync(string code, CancellationToken ct = default)
    {
        var answer = await SendAsync(new Ka10001Request { StockCode = code }, ct);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        return MarketMapping.ToBasics(answer.Value, time.GetUtcNow()) is { } basics
            ? KiwoomResult<StockBasics>.Success(basics)
            : Unreadable("ka10001", $"no price for {code}");
    }

    /// <summary>
    /// Stocks whose code starts with, or whose name contains, <paramref name="text"/>; the listing
    /// (ka10099) is read once per session and a failed read is tried again on the next search.
    /// </summary>
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
            listing ??= LoadListingAsync(closing.Token);
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
            await foreach (var page in SendPagesAsync(new Ka10099Request { MarketType = market }, MaxListingPages, ct))
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

    /// <summary>Quotes and indices may have moved while the socket was down: re-read them and offer them to the feeds.</summary>
    private async Task ReconcileAsync(CancellationToken ct)
    {
        List<(string Type, string Item, Upstream Upstream)> open;
        lock (gate)
        {
            open = [.. upstreams.Select(u => (u.Key.Type, u.Key.Item, u.Value))];
        }

        var stocks = open.Where(u => u.Type == RealtimeTypes.Trade).ToDictionary(u => u.Item, u => u.Upstream, StringComparer.Ordinal);
        var indices = open.Where(u => u.Type == RealtimeTypes.SectorIndex).ToList();
        var quoteCount = 0;
        try
        {
            if (stocks.Count > 0)
            {
                var quotes = await GetQuotesAsync([.. stocks.Keys], ct);
                if (quotes.IsSuccess)
                {
                    foreach (var quote in quotes.Value)
                    {
                        if (stocks.TryGetValue(quote.Code, out var upstream))
                        {
                            Offer(upstream, quote);
                            quoteCount++;
                        }
                    }
                }
                else
                {
                    BrokerLog.ReconcileFailed(logger, KeyId, "quotes", quotes.Error.Message);
                }
            }

            foreach (var (_, code, upstream) in indices)
            {
                var index = await GetIndexAsync(code, ct);
                if (index.IsSuccess)
                {
                    Offer(upstream, index.Value);
                }
                else
                {
                    BrokerLog.ReconcileFailed(logger, KeyId, "index " + code, index.Error.Message);
                }
            }

            BrokerLog.Reconciled(logger, KeyId, quoteCount, indices.Count);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The session closed while re-reading.
        }
    }

    private void Offer(Upstream upstream, ILiveValue snapshot)
    {
        System.Collections.Immutable.ImmutableArray<IFeedSink> sinks;
        lock (gate)
        {
            sinks = upstream.Sinks;
        }

        foreach (var sink in sinks)
        {
            sink.Offer(snapshot);
        }
    }

    private static KiwoomError Unreadable(string apiId, string what) =>
        new(KiwoomErrorKind.Server, -1, null, $"{apiId}: the answer had {what}.");
}
