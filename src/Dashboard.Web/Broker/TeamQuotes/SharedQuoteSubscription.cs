using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker.TeamQuotes;

/// <summary>
/// One member feed's hold on a (type, item) of the team's source session. The fan-out stays the source
/// client's own reference counting (the first holder sends REG, the last one's dispose sends REMOVE); this
/// only adds the indirection that lets the registration move to another session while the member's feed
/// object, and its reader, stay the same.
/// </summary>
internal sealed class SharedQuoteSubscription : IAsyncDisposable
{
    private readonly TeamQuoteSources sources;
    private readonly IRealtimeSink target;
    private readonly Action<RealtimeEvent> onTick;
    private Leg? current;
    private int disposed;

    internal SharedQuoteSubscription(TeamQuoteSources sources, TeamQuoteMarket market, string type, string item, IRealtimeSink target, Action<RealtimeEvent> onTick)
    {
        this.sources = sources;
        this.target = target;
        this.onTick = onTick;
        Market = market;
        Type = type;
        Item = item;
    }

    public TeamQuoteMarket Market { get; }

    public string Type { get; }

    public string Item { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref disposed, 1) == 0 ? sources.ReleaseAsync(this) : ValueTask.CompletedTask;

    /// <summary>
    /// Subscribes on <paramref name="client"/> and, once that holds, stops listening to the previous one. The
    /// previous registration is given back only when <paramref name="releasePrevious"/>: a closing source's
    /// socket drops them all at once, so sending one REMOVE each there would only slow the move.
    /// </summary>
    internal async Task<KiwoomError?> AttachAsync(KiwoomRealtimeClient client, bool releasePrevious, CancellationToken ct)
    {
        var leg = new Leg(this);
        var subscribed = await client.SubscribeAsync(Type, Item, leg, ct);
        if (!subscribed.IsSuccess)
        {
            return subscribed.Error;
        }

        leg.Subscription = subscribed.Value;
        var previous = Interlocked.Exchange(ref current, leg);
        if (releasePrevious && previous?.Subscription is { } old)
        {
            await old.DisposeAsync();
        }

        return null;
    }

    /// <summary>Stops listening and gives the registration back (the last holder's REMOVE).</summary>
    internal ValueTask DetachAsync() =>
        Interlocked.Exchange(ref current, null)?.Subscription?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// No source is left: the member's feed ends, as it does when its own session closes. With a
    /// <paramref name="reason"/> (a move failed) the feed's reader gets it as an error, so the page says so.
    /// </summary>
    internal void End(string? reason = null)
    {
        Interlocked.Exchange(ref current, null);
        if (reason is not null && target is FeedBase feed)
        {
            feed.Fail(new FeedInterruptedException(reason));
            return;
        }

        target.Complete();
    }

    /// <summary>The sink of one registration on one source client; only the current one reaches the feed.</summary>
    private sealed class Leg(SharedQuoteSubscription owner) : IRealtimeSink
    {
        public RealtimeSubscription? Subscription { get; set; }

        public void Deliver(RealtimeEvent e)
        {
            if (ReferenceEquals(Volatile.Read(ref owner.current), this))
            {
                owner.target.Deliver(e);
                owner.onTick(e);
            }
        }

        // A previous source ending its registrations is the move itself; only the current one's end is the feed's.
        public void Complete()
        {
            if (Interlocked.CompareExchange(ref owner.current, null, this) == this)
            {
                owner.target.Complete();
            }
        }
    }
}
