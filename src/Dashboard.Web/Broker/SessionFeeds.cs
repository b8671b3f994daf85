using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// Live feeds of one session. The one fan-out layer is the realtime client's reference-counted
/// registrations: each feed subscribes as its own sink, so the first subscriber of a (type, item) sends
/// REG, later ones share it, and the last one's dispose sends REMOVE. The session only remembers which
/// feeds are open, to offer them fresh snapshots after a reconnect.
/// </summary>
internal sealed class SessionFeeds(KiwoomRealtimeClient realtime, BrokerOptions options, BrokerMetrics metrics, Action<FeedBase> opened, Action<FeedBase> closed)
    : IMarketFeeds
{
    public async Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class, ILiveValue
    {
        var feed = new LiveFeed<T>(type, map, metrics, conflate: !options.NaiveRenderingForBenchmark);
        var error = await AttachAsync(feed, type, items, ct);
        return error is null ? KiwoomResult<LiveFeed<T>>.Success(feed) : error;
    }

    public async Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class
    {
        var feed = new EventFeed<T>(type, map, options.LosslessQueueCapacity);
        var error = await AttachAsync(feed, type, [item], ct);
        return error is null ? KiwoomResult<EventFeed<T>>.Success(feed) : error;
    }

    /// <summary>Subscribes the feed to every item; on a refusal gives back what it already took.</summary>
    private async Task<KiwoomError?> AttachAsync<TFeed>(TFeed feed, string type, IReadOnlyCollection<string> items, CancellationToken ct)
        where TFeed : FeedBase, IRealtimeSink
    {
        opened(feed);
        feed.OnClosed(closed);
        try
        {
            foreach (var item in items.Distinct(StringComparer.Ordinal))
            {
                var subscribed = await realtime.SubscribeAsync(type, item, feed, ct);
                if (!subscribed.IsSuccess)
                {
                    await feed.DisposeAsync();
                    return subscribed.Error;
                }

                feed.Add(subscribed.Value);
            }

            return null;
        }
        catch
        {
            await feed.DisposeAsync();
            throw;
        }
    }
}
