using Dashboard.Web.Broker;

namespace Dashboard.Web.Market.Screens;

/// <summary>
/// Live 0B prices for the stocks a screen shows now: one conflated feed for the visible codes, replaced
/// when the rows change (the old one is disposed, so its REMOVE goes upstream). Quotes are read on the
/// feed's thread and handed to the page through <c>apply</c>, which runs on the renderer.
/// </summary>
public sealed class ScreenQuotes : IAsyncDisposable
{
    /// <summary>At most this many stocks are watched per screen: the rows a member can see without scrolling far.</summary>
    public const int MaxWatched = 100;

    private readonly Dictionary<string, Quote> quotes = new(StringComparer.Ordinal);
    private LiveFeed<Quote>? feed;
    private CancellationTokenSource? reading;

    public IReadOnlyDictionary<string, Quote> Current => quotes;

    /// <summary>The codes the open feed serves.</summary>
    public IReadOnlyList<string> Watched { get; private set; } = [];

    /// <summary>Watches <paramref name="codes"/> (the first <see cref="MaxWatched"/> distinct ones); returns the broker error when the feed could not open.</summary>
    public async Task<string?> WatchAsync(IBrokerSession session, IEnumerable<string> codes, Func<Func<Task>, Task> onRenderer, Action changed, CancellationToken ct)
    {
        var wanted = codes.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxWatched).ToList();
        if (wanted.SequenceEqual(Watched))
        {
            return null;
        }

        await StopAsync();
        quotes.Clear();
        Watched = wanted;
        if (wanted.Count == 0)
        {
            return null;
        }

        var opened = await session.Feeds.SubscribeQuotesAsync(wanted, ct);
        if (!opened.IsSuccess)
        {
            Watched = [];
            return opened.Error.Message;
        }

        feed = opened.Value;
        reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _ = ReadAsync(feed, onRenderer, changed, reading.Token);
        return null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task ReadAsync(LiveFeed<Quote> source, Func<Func<Task>, Task> onRenderer, Action changed, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in source.ReadAllAsync(ct))
            {
                await onRenderer(() =>
                {
                    // A feed replaced meanwhile may still deliver its last batch: only the open one counts.
                    if (ReferenceEquals(source, feed))
                    {
                        foreach (var quote in batch)
                        {
                            quotes[quote.Code] = quote;
                        }
                    }

                    return Task.CompletedTask;
                });
                changed();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Replaced or the screen went away.
        }
    }

    private async Task StopAsync()
    {
        if (reading is not null)
        {
            await reading.CancelAsync();
            reading.Dispose();
            reading = null;
        }

        if (feed is not null)
        {
            await feed.DisposeAsync();
            feed = null;
        }
    }
}
