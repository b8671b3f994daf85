using System.Threading.Channels;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// One subscriber's feed of individual events, in order, never merged, fed straight from the realtime
/// client's receive loop (which it never blocks). For fills, order events, balances and VI (lossless
/// types) nothing is dropped: a reader that falls <see cref="BrokerOptions.LosslessQueueCapacity"/> events
/// behind is disconnected instead — its feed ends with <see cref="FeedOverrunException"/> and it reloads
/// its snapshot — so one stuck tab never stalls the member's other tabs. For quote types (a trade tape)
/// a reader that far behind loses the oldest events. Dispose to unsubscribe.
/// </summary>
public sealed class EventFeed<T> : FeedBase, IRealtimeSink
    where T : class
{
    private readonly Func<RealtimeEvent, T?> map;
    private readonly Channel<T> channel;
    private readonly int capacity;

    internal EventFeed(string type, Func<RealtimeEvent, T?> map, int capacity)
        : base(type)
    {
        this.map = map;
        this.capacity = capacity;
        IsLossless = RealtimeTypes.IsLossless(type);
        channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            // Lossless: a full queue refuses the write, and the feed is then disconnected (see Deliver).
            FullMode = IsLossless ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    /// <summary>True for fills, order events, balances and VI: never dropped, disconnected when overrun.</summary>
    public bool IsLossless { get; }

    public ChannelReader<T> Events => channel.Reader;

    void IRealtimeSink.Deliver(RealtimeEvent e)
    {
        if (map(e) is not { } value || channel.Writer.TryWrite(value))
        {
            return;
        }

        // Only a lossless feed can refuse a write (or a completed one, where this is a no-op).
        if (channel.Writer.TryComplete(new FeedOverrunException(Type, capacity)))
        {
            Overrun();
        }
    }

    void IRealtimeSink.Complete() => Complete();

    internal override void Offer(ILiveValue snapshot)
    {
        // Lossless events are never synthesized from snapshots; their reconciliation is the owner's (orders) job.
    }

    internal override void Complete() => channel.Writer.TryComplete();

    internal override void Fail(Exception error) => channel.Writer.TryComplete(error);
}
