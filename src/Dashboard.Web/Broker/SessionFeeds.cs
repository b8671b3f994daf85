using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker.TeamQuotes;

namespace Dashboard.Web.Broker;

/// <summary>
/// Live feeds of one session. The one fan-out layer is the realtime client's reference-counted
/// registrations: each feed subscribes as its own sink, so the first subscriber of a (type, item) sends
/// REG, later ones share it, and the last one's dispose sends REMOVE. The session only remembers which
/// feeds are open, to offer them fresh snapshots after a reconnect. With the shared team quote feed
/// (<paramref name="team"/>), conflated public market data subscribes on the team's source session of the
/// same market instead of this session's socket; everything else stays here.
/// </summary>
internal sealed class SessionFeeds(KiwoomRealtimeClient realtime, BrokerOptions options, BrokerMetrics metrics, Action<FeedBase> opened, Action<FeedBase> closed, TeamQuoteLink? team = null)
    : IMarketFeeds
{
    private readonly ConcurrentDictionary<FeedBase, byte> sharedFeeds = new();

    public async Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class, ILiveValue
    {
        var feed = new LiveFeed<T>(type, map, metrics, conflate: !options.NaiveRenderingForBenchmark);
        var error = await AttachAsync(feed, type, items, share: team is not null && SharedQuoteTypes.IsShareable(type), ct);
        return error is null ? KiwoomResult<LiveFeed<T>>.Success(feed) : error;
    }

    public async Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class
    {
        var feed = new EventFeed<T>(type, map, options.LosslessQueueCapacity);
        var error = await AttachAsync(feed, type, [item], share: false, ct);
        return error is null ? KiwoomResult<EventFeed<T>>.Success(feed) : error;
    }

    /// <summary>
    /// The session is closing: its feeds on the team's source would outlive its socket, so they end here
    /// (their registrations go back to the source, REMOVE when nobody else watches).
    /// </summary>
    public async Task CloseSharedAsync()
    {
        foreach (var feed in sharedFeeds.Keys)
        {
            await feed.DisposeAsync();
        }
    }

    /// <summary>Subscribes the feed to every item; on a refusal gives back what it already took.</summary>
    private async Task<KiwoomError?> AttachAsync<TFeed>(TFeed feed, string type, IReadOnlyCollection<string> items, bool share, CancellationToken ct)
        where TFeed : FeedBase, IRealtimeSink
    {
        opened(feed);
        if (share)
        {
            sharedFeeds.TryAdd(feed, 0);
            feed.OnClosed(f =>
            {
                sharedFeeds.TryRemove(f, out _);
                closed(f);
            });
        }
        else
        {
            feed.OnClosed(closed);
        }

        try
        {
            foreach (var item in items.Distinct(StringComparer.Ordinal))
            {
                var error = share ? await SubscribeSharedAsync(feed, type, item, ct) : await SubscribeHereAsync(feed, type, item, ct);
                if (error is not null)
                {
                    await feed.DisposeAsync();
                    return error;
                }
            }

            return null;
        }
        catch
        {
            await feed.DisposeAsync();
            throw;
        }
    }

    private async Task<KiwoomError?> SubscribeHereAsync<TFeed>(TFeed feed, string type, string item, CancellationToken ct)
        where TFeed : FeedBase, IRealtimeSink
    {
        var subscribed = await realtime.SubscribeAsync(type, item, feed, ct);
        if (!subscribed.IsSuccess)
        {
            return subscribed.Error;
        }

        feed.Add(subscribed.Value);
        return null;
    }

    private async Task<KiwoomError?> SubscribeSharedAsync<TFeed>(TFeed feed, string type, string item, CancellationToken ct)
        where TFeed : FeedBase, IRealtimeSink
    {
        var subscribed = await team!.Sources.SubscribeAsync(team.Market, type, item, feed, team.OnTick, ct);
        if (!subscribed.IsSuccess)
        {
            return subscribed.Error;
        }

        feed.Add(item, subscribed.Value);
        return null;
    }
}
