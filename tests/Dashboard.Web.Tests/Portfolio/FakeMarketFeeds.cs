using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>
/// Real <see cref="LiveFeed{T}"/> and <see cref="EventFeed{T}"/> objects with no socket behind them: tests push
/// parsed REAL events into them as the realtime client's receive loop would.
/// </summary>
internal sealed class FakeMarketFeeds : IMarketFeeds
{
    private readonly ConcurrentQueue<FeedBase> opened = new();

    /// <summary>When set, subscribing to this realtime type fails with a broker error.</summary>
    public string? RefuseType { get; set; }

    public IReadOnlyList<FeedBase> Opened => [.. opened];

    public Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class, ILiveValue
    {
        if (type == RefuseType)
        {
            return Task.FromResult(KiwoomResult<LiveFeed<T>>.Failure(Refused(type)));
        }

        var feed = new LiveFeed<T>(type, map);
        Items[feed] = [.. items];
        opened.Enqueue(feed);
        return Task.FromResult(KiwoomResult<LiveFeed<T>>.Success(feed));
    }

    public Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct = default)
        where T : class
    {
        if (type == RefuseType)
        {
            return Task.FromResult(KiwoomResult<EventFeed<T>>.Failure(Refused(type)));
        }

        var feed = new EventFeed<T>(type, map, capacity: 64);
        Items[feed] = [item];
        opened.Enqueue(feed);
        return Task.FromResult(KiwoomResult<EventFeed<T>>.Success(feed));
    }

    /// <summary>What each feed was subscribed for (the fake feeds hold no registrations of their own).</summary>
    public ConcurrentDictionary<FeedBase, string[]> Items { get; } = new();

    /// <summary>Delivers an event to every open feed of its type, as the client's registrations would.</summary>
    public void Push(RealtimeEvent e)
    {
        foreach (var feed in opened.Where(f => f.Type == e.Type))
        {
            if (Items.TryGetValue(feed, out var items) && (items.Contains(e.Item) || items.Contains(string.Empty)))
            {
                ((IRealtimeSink)feed).Deliver(e);
            }
        }
    }

    private static KiwoomError Refused(string type) => new(KiwoomErrorKind.Server, 1, null, $"REG {type} refused");
}
