using System.Threading.Channels;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// The holder's one ordered queue for every lossless registration of a key (00 orders and fills, 04 balances,
/// 1h VI, conditions, notices). Events are offered from the socket's receive loop, so the queue holds them in
/// the order the socket delivered them across types and items, and one pump publishes them in that order: a
/// member on another instance sees a fill and its balance in the holder's order, as a local member does.
/// Quotes keep their own per-(type, item) relays: they are conflated per symbol at the receiver anyway.
/// Bounded: if Redis stalls past the capacity, the sequence ends (as an overrun local lossless feed is
/// disconnected) and the holder registers its lossless pairs again on a new one.
/// </summary>
internal sealed class LosslessSequence
{
    private readonly Channel<(string Item, RealtimeEvent Event)> queue;
    private readonly Func<string, RealtimeEvent, Task> publish;
    private readonly Action overrun;
    private volatile bool ended;

    /// <param name="publish">Publishes one event for its registration item; must not throw.</param>
    /// <param name="overrun">Told once, from the receive loop, when the queue was full and the sequence ended.</param>
    public LosslessSequence(int capacity, Func<string, RealtimeEvent, Task> publish, Action overrun)
    {
        this.publish = publish;
        this.overrun = overrun;
        queue = Channel.CreateBounded<(string, RealtimeEvent)>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        Pump = PumpAsync();
    }

    /// <summary>True once the queue overran (or was completed): registrations feeding it must be made again.</summary>
    public bool Ended => ended;

    public Task Pump { get; }

    /// <summary>Queues one event of the registration <paramref name="item"/>; called on the receive loop, never blocks.</summary>
    public void Offer(string item, RealtimeEvent e)
    {
        if (queue.Writer.TryWrite((item, e)) || ended)
        {
            return;
        }

        ended = true;
        queue.Writer.TryComplete();
        overrun();
    }

    /// <summary>Publishes what is queued, then ends.</summary>
    public async Task CompleteAsync()
    {
        ended = true;
        queue.Writer.TryComplete();
        await Pump;
    }

    private async Task PumpAsync()
    {
        // Yield first so the constructor returns before the first read.
        await Task.Yield();
        await foreach (var (item, e) in queue.Reader.ReadAllAsync())
        {
            await publish(item, e);
        }
    }
}
