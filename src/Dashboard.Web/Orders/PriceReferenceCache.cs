using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Orders;

/// <summary>
/// The price references of one connection's orders. The base price, and with it the day's upper and lower
/// limit, is fixed for a KRX trading day (a VI changes how a stock matches, not its band), so ka10001 is read
/// once per stock and day instead of once per order; the collar's last trade then comes from the session's
/// own 0B feed of that stock. A miss, a read error, a new KST trading day, a feed that ended, or a last trade
/// older than <see cref="OrdersOptions.QuoteMaxAge"/> (a quiet stock, or a socket that went quiet) all go
/// back to the query: a reference is read or live, never guessed. Gold (ka50100, no 0B) is always read.
/// </summary>
internal sealed class PriceReferenceCache(IOrderChannel channel, IPriceReferenceSource source, TimeProvider time, TimeSpan quoteMaxAge) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim subscribing = new(1, 1);
    private bool disposed;

    public async Task<PriceReference?> GetAsync(OrderProduct product, string code, CancellationToken ct = default)
    {
        if (product == OrderProduct.Gold)
        {
            return await source.GetAsync(channel.Queries, product, code, ct);
        }

        var today = KoreaTime.Today(time);
        if (entries.TryGetValue(code, out var known) && known.Current(today, time.GetUtcNow(), quoteMaxAge) is { } hit)
        {
            return hit;
        }

        var read = await source.GetAsync(channel.Queries, product, code, ct);
        if (read is null)
        {
            // The broker could not answer: the next order asks again rather than trust what was kept.
            await ForgetAsync(code);
            return null;
        }

        await KeepAsync(code, read, today, ct);
        return read;
    }

    public async ValueTask DisposeAsync()
    {
        await subscribing.WaitAsync();
        try
        {
            disposed = true;
            foreach (var code in entries.Keys)
            {
                await ForgetAsync(code);
            }
        }
        finally
        {
            subscribing.Release();
        }
    }

    private async Task KeepAsync(string code, PriceReference read, DateOnly today, CancellationToken ct)
    {
        await subscribing.WaitAsync(ct);
        try
        {
            if (disposed)
            {
                return;
            }

            if (entries.TryGetValue(code, out var known) && !known.Ended)
            {
                known.Renew(read, today, time.GetUtcNow());
                return;
            }

            await ForgetAsync(code);
            var feed = await channel.Feeds.SubscribeQuotesAsync([code], ct);
            if (!feed.IsSuccess)
            {
                // No live last trade for this stock: every order reads it, as before the cache.
                return;
            }

            var entry = new Entry(feed.Value, read, today, time.GetUtcNow());
            entries[code] = entry;
            entry.Reader = Task.Run(() => FollowAsync(code, entry), CancellationToken.None);
        }
        finally
        {
            subscribing.Release();
        }
    }

    private async Task FollowAsync(string code, Entry entry)
    {
        try
        {
            await foreach (var batch in entry.Feed.ReadAllAsync())
            {
                foreach (var quote in batch)
                {
                    if (quote.Code == code && quote.Price > 0)
                    {
                        entry.Traded(quote.Price, time.GetUtcNow());
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or FeedOverrunException or ObjectDisposedException)
        {
            // The feed is gone; the entry below stops answering and the next order reads again.
        }
        finally
        {
            entry.Ended = true;
        }
    }

    private async Task ForgetAsync(string code)
    {
        if (entries.TryRemove(code, out var entry))
        {
            entry.Ended = true;
            await entry.Feed.DisposeAsync();
            await entry.Reader;
        }
    }

    private sealed class Entry(LiveFeed<Quote> feed, PriceReference read, DateOnly day, DateTimeOffset at)
    {
        private readonly Lock gate = new();
        private PriceReference reference = read;
        private DateOnly tradingDay = day;
        private DateTimeOffset lastAt = at;

        public LiveFeed<Quote> Feed { get; } = feed;

        public Task Reader { get; set; } = Task.CompletedTask;

        public volatile bool Ended;

        /// <summary>The kept reference with the latest trade; null when it is another day's, the feed ended or went quiet.</summary>
        public PriceReference? Current(DateOnly today, DateTimeOffset now, TimeSpan maxAge)
        {
            lock (gate)
            {
                return !Ended && tradingDay == today && now - lastAt <= maxAge ? reference : null;
            }
        }

        /// <summary>A fresh read (a new day's base price, or a quiet stock's last trade confirmed).</summary>
        public void Renew(PriceReference read, DateOnly day, DateTimeOffset now)
        {
            lock (gate)
            {
                reference = read;
                tradingDay = day;
                lastAt = now;
            }
        }

        public void Traded(long price, DateTimeOffset now)
        {
            lock (gate)
            {
                reference = reference with { LastPrice = price };
                lastAt = now;
            }
        }
    }
}
