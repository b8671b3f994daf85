using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>Real feed objects with no socket behind them: the test publishes to the feeds a component opened.</summary>
public sealed class FakeMarketFeeds : IMarketFeeds
{
    private readonly List<FeedBase> opened = [];
    private readonly Dictionary<FeedBase, IReadOnlyCollection<string>> items = [];

    public IReadOnlyList<FeedBase> Opened => opened;

    /// <summary>The items a feed was opened for.</summary>
    public IReadOnlyCollection<string> ItemsOf(FeedBase feed) => items[feed];

    /// <summary>The open conflated feed of <paramref name="type"/>, for publishing.</summary>
    public LiveFeed<T> Live<T>(string type)
        where T : class, ILiveValue =>
        opened.OfType<LiveFeed<T>>().Single(f => f.Type == type);

    public Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class, ILiveValue
    {
        var feed = new LiveFeed<T>(type, map);
        opened.Add(feed);
        this.items[feed] = [.. items];
        return Task.FromResult(KiwoomResult<LiveFeed<T>>.Success(feed));
    }

    public Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class
    {
        var feed = new EventFeed<T>(type, map, 64);
        opened.Add(feed);
        items[feed] = [item];
        return Task.FromResult(KiwoomResult<EventFeed<T>>.Success(feed));
    }
}
