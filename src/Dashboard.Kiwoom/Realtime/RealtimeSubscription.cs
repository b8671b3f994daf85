using System.Threading.Channels;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// One subscriber's handle on a (type, item) registration. Events reach either the subscriber's own
/// <see cref="IRealtimeSink"/> or, without one, <see cref="Events"/>, never blocking the receive loop:
/// there fills, balances, VI and session notices queue without limit (never dropped), quote types keep
/// the newest <see cref="RealtimeClientOptions.SubscriberCapacity"/> and count what they drop.
/// Disposing the last handle of a registration sends REMOVE.
/// </summary>
public sealed class RealtimeSubscription : IAsyncDisposable
{
    private readonly KiwoomRealtimeClient _owner;
    private readonly IRealtimeSink _sink;
    private readonly ChannelSink? _channel;
    private int _disposed;

    internal RealtimeSubscription(KiwoomRealtimeClient owner, string type, string item, int capacity)
        : this(owner, type, item, new ChannelSink(type, capacity))
    {
    }

    internal RealtimeSubscription(KiwoomRealtimeClient owner, string type, string item, IRealtimeSink sink)
    {
        _owner = owner;
        Type = type;
        Item = item;
        _sink = sink;
        _channel = sink as ChannelSink;
    }

    public string Type { get; }

    public string Item { get; }

    /// <summary>The events of a subscription made without a sink of its own.</summary>
    public ChannelReader<RealtimeEvent> Events =>
        _channel?.Reader ?? throw new InvalidOperationException("This subscription delivers to its own sink.");

    /// <summary>Quote events discarded because this subscriber fell behind (subscriptions without a sink).</summary>
    public long DroppedCount => _channel?.Dropped ?? 0;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _owner.UnsubscribeAsync(this) : ValueTask.CompletedTask;

    internal void Deliver(RealtimeEvent e) => _sink.Deliver(e);

    internal void Complete() => _sink.Complete();

    private sealed class ChannelSink : IRealtimeSink
    {
        private readonly Channel<RealtimeEvent> _channel;
        private long _dropped;

        public ChannelSink(string type, int capacity) =>
            _channel = RealtimeTypes.IsLossless(type)
                ? Channel.CreateUnbounded<RealtimeEvent>(new UnboundedChannelOptions { SingleWriter = true })
                : Channel.CreateBounded<RealtimeEvent>(
                    new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
                    _ => Interlocked.Increment(ref _dropped));

        public ChannelReader<RealtimeEvent> Reader => _channel.Reader;

        public long Dropped => Interlocked.Read(ref _dropped);

        public void Deliver(RealtimeEvent e) => _channel.Writer.TryWrite(e);

        public void Complete() => _channel.Writer.TryComplete();
    }
}
