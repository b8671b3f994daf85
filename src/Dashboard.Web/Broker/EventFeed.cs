using System.Threading.Channels;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// One subscriber's feed of individual events, in order, never merged. For fills, order events and VI
/// (lossless types) nothing is ever dropped: when the reader falls behind by
/// <see cref="BrokerOptions.LosslessQueueCapacity"/> the delivery waits, which backs up into the realtime
/// client's unbounded queue. For quote types (a trade tape) a reader that far behind loses the oldest
/// events instead, so one stuck tab cannot stall the quotes of every other subscriber. Dispose to unsubscribe.
/// </summary>
public sealed class EventFeed<T> : IFeedSink, IAsyncDisposable
    where T : class
{
    private readonly Func<RealtimeEvent, T?> map;
    private readonly Channel<T> channel;
    private Func<ValueTask>? release;
    private int disposed;

    internal EventFeed(Func<RealtimeEvent, T?> map, int capacity, bool lossless)
    {
        this.map = map;
        IsLossless = lossless;
        channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = lossless ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    /// <summary>True for fills, order events and VI: delivery waits for the reader rather than drop.</summary>
    public bool IsLossless { get; }

    public ChannelReader<T> Events => channel.Reader;

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        Complete();
        return release?.Invoke() ?? ValueTask.CompletedTask;
    }

    async ValueTask IFeedSink.DeliverAsync(RealtimeEvent e, CancellationToken ct)
    {
        if (map(e) is not { } value)
        {
            return;
        }

        try
        {
            await channel.Writer.WriteAsync(value, ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The subscriber disposed its feed while this event was on its way: nobody is left to lose it.
        }
    }

    void IFeedSink.Offer(ILiveValue snapshot)
    {
        // Lossless events are never synthesized from snapshots; their reconciliation is the owner's (orders) job.
    }

    public void Complete() => channel.Writer.TryComplete();

    internal void OnRelease(Func<ValueTask> onRelease) => release = onRelease;
}
