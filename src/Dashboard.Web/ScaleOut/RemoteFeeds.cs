using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.ScaleOut;

/// <summary>The same feeds as a local session's, attached to this session's Redis fan-out instead of a socket.</summary>
internal sealed class RemoteFeeds(RedisRemoteSession session, BrokerOptions options, BrokerMetrics metrics) : IMarketFeeds
{
    public async Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class, ILiveValue
    {
        var feed = new LiveFeed<T>(type, map, metrics, conflate: !options.NaiveRenderingForBenchmark);
        await AttachAsync(feed, type, items);
        return KiwoomResult<LiveFeed<T>>.Success(feed);
    }

    public async Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class
    {
        var feed = new EventFeed<T>(type, map, options.LosslessQueueCapacity);
        await AttachAsync(feed, type, [item]);
        return KiwoomResult<EventFeed<T>>.Success(feed);
    }

    private async Task AttachAsync<TFeed>(TFeed feed, string type, IReadOnlyCollection<string> items)
        where TFeed : FeedBase, IRealtimeSink
    {
        try
        {
            foreach (var item in items.Distinct(StringComparer.Ordinal))
            {
                feed.Add(item, await session.SubscribeAsync(type, item, feed));
            }
        }
        catch
        {
            await feed.DisposeAsync();
            throw;
        }
    }
}
