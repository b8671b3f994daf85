using System.Threading.Channels;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// One subscriber's handle on a (type, item) registration. Events arrive on <see cref="Events"/>
/// without ever blocking the receive loop: fills, balances, VI and session notices queue without
/// limit (never dropped), quote types keep the newest <see cref="RealtimeClientOptions.SubscriberCapacity"/>
/// and count what they drop. Disposing the last handle of a registration sends REMOVE.
/// </summary>
public sealed class RealtimeSubscription : IAsyncDisposable
{
    private readonly KiwoomRealtimeClient _owner;
    private readonly Channel<RealtimeEvent> _channel;
    private long _dropped;
    private int _disposed;

    internal RealtimeSubscription(KiwoomRealtimeClient owner, string type, string item, int capacity)
    {
        _owner = owner;
        Type = type;
        Item = item;
        _channel = RealtimeTypes.IsLossless(type)
            ? Channel.CreateUnbounded<RealtimeEvent>(new UnboundedChannelOptions { SingleWriter = true })
            : Channel.CreateBounded<RealtimeEvent>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
                _ => Interlocked.Increment(ref _dropped));
    }

    public string Type { get; }

    public string Item { get; }

    public ChannelReader<RealtimeEvent> Events => _channel.Reader;

    /// <summary>Quote events discarded because this subscriber fell behind.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _owner.UnsubscribeAsync(this) : ValueTask.CompletedTask;

    internal void Deliver(RealtimeEvent e) => _channel.Writer.TryWrite(e);

    internal void Complete() => _channel.Writer.TryComplete();
}
