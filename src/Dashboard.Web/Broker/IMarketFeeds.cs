using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// Live feeds of a session's one WebSocket. Each feed is the subscriber's own queue fed directly by
/// the realtime client's reference-counted registration; dispose it to unsubscribe (the last
/// subscriber of a (type, item) sends REMOVE).
/// </summary>
public interface IMarketFeeds
{
    /// <summary>Conflated values (latest wins per key) of realtime <paramref name="type"/> for <paramref name="items"/>.</summary>
    Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class, ILiveValue;

    /// <summary>
    /// Every event of realtime <paramref name="type"/> for <paramref name="item"/> ("" for account-wide
    /// and market-wide types), in order. Lossless types (00, 04, 1h) are never dropped: a subscriber that
    /// falls too far behind is disconnected (its feed ends with <see cref="FeedOverrunException"/>) and
    /// reloads its snapshot, while the others go on; quote types drop the oldest instead.
    /// </summary>
    Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class;

    /// <summary>Conflated 0B quotes of <paramref name="codes"/>.</summary>
    Task<KiwoomResult<LiveFeed<Quote>>> SubscribeQuotesAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        SubscribeLiveAsync(RealtimeTypes.Trade, codes, MarketMapping.ToQuote, ct);

    /// <summary>Conflated 0J index values of the sector <paramref name="codes"/>.</summary>
    Task<KiwoomResult<LiveFeed<IndexQuote>>> SubscribeIndicesAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        SubscribeLiveAsync(RealtimeTypes.SectorIndex, codes, MarketMapping.ToIndexQuote, ct);

    /// <summary>Every 0B trade of one stock, in order: the trade tape.</summary>
    Task<KiwoomResult<EventFeed<Quote>>> SubscribeTradesAsync(string code, CancellationToken ct = default) =>
        SubscribeEventsAsync(RealtimeTypes.Trade, code, MarketMapping.ToQuote, ct);

    /// <summary>VI triggers and releases (1h, market-wide), never dropped.</summary>
    Task<KiwoomResult<EventFeed<ViEvent>>> SubscribeViAsync(CancellationToken ct = default) =>
        SubscribeEventsAsync(RealtimeTypes.ViTrigger, string.Empty, ViEvent.From, ct);
}
