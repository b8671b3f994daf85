using System.Threading.Channels;

namespace Dashboard.Web.Orders;

/// <summary>
/// One page's feed of its member's order updates, in order and never merged. A page that falls
/// <see cref="OrderEvents.Capacity"/> updates behind is cut off (the feed ends) and reloads its list,
/// rather than holding everyone else up.
/// </summary>
public sealed class OrderSubscription : IDisposable
{
    private readonly Channel<OrderUpdate> channel = Channel.CreateBounded<OrderUpdate>(new BoundedChannelOptions(OrderEvents.Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly Action<OrderSubscription> unsubscribe;

    internal OrderSubscription(string memberId, Action<OrderSubscription> unsubscribe)
    {
        MemberId = memberId;
        this.unsubscribe = unsubscribe;
    }

    public string MemberId { get; }

    public ChannelReader<OrderUpdate> Updates => channel.Reader;

    internal void Offer(OrderUpdate update)
    {
        if (!channel.Writer.TryWrite(update))
        {
            channel.Writer.TryComplete(new InvalidOperationException("The page fell behind the order updates; reload the list."));
        }
    }

    public void Dispose()
    {
        channel.Writer.TryComplete();
        unsubscribe(this);
    }
}
