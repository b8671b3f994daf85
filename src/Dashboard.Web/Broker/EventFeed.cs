using System.Threading.Channels;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// One subscriber's lossless feed (fills, order events, VI): every event arrives, in order, never merged.
/// When the reader falls behind by <see cref="BrokerOptions.LosslessQueueCapacity"/> the delivery waits,
/// which backs up into the realtime client's unbounded queue instead of dropping. Dispose to unsubscribe.
/// </summary>
public sealed class EventFeed<T> : IFeedSink, IAsyncDisposable
    where T : class
{
    private readonly Func<RealtimeEvent, T?> map;
    private readonly Channel<T> channel;
    private Func<ValueTask>? release;
    private int disposed;

    internal EventFeed(Func<RealtimeEvent, T?> map, int capacity)
    {
        this.map = map;
        channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

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
