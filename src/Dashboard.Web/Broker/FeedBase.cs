using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// What every feed shares: the realtime subscriptions it holds (one per item, on the client's own
/// reference-counted registrations) and how it ends. Disposing releases every subscription, so the
/// last subscriber of a (type, item) sends REMOVE.
/// </summary>
public abstract class FeedBase : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<(string Item, IAsyncDisposable Subscription)> subscriptions = [];
    private Action<FeedBase>? closed;
    private int disposed;

    private protected FeedBase(string type) => Type = type;

    /// <summary>The realtime type this feed receives.</summary>
    public string Type { get; }

    /// <summary>The items this feed subscribed to.</summary>
    public IReadOnlyList<string> Items
    {
        get
        {
            lock (gate)
            {
                return [.. subscriptions.Select(s => s.Item)];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<(string Item, IAsyncDisposable Subscription)> held;
        lock (gate)
        {
            if (disposed != 0)
            {
                return;
            }

            disposed = 1;
            held = [.. subscriptions];
            subscriptions.Clear();
        }

        Complete();

        closed?.Invoke(this);
        foreach (var (_, subscription) in held)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Offers a REST snapshot (after a reconnect); feeds of another value type ignore it.</summary>
    internal abstract void Offer(ILiveValue snapshot);

    /// <summary>Readers see the end of the feed.</summary>
    internal abstract void Complete();

    /// <summary>Readers see the end of the feed as <paramref name="error"/> (after the values already waiting).</summary>
    internal abstract void Fail(Exception error);

    internal void Add(RealtimeSubscription subscription) => Add(subscription.Item, subscription);

    /// <summary>
    /// Adds a subscription of <paramref name="item"/> made elsewhere than the local realtime client: a
    /// non-holder instance's feeds are fed from Redis (see ScaleOut/RemoteBrokerSession).
    /// </summary>
    internal void Add(string item, IAsyncDisposable subscription)
    {
        lock (gate)
        {
            if (disposed == 0)
            {
                subscriptions.Add((item, subscription));
                return;
            }
        }

        // Disposed while this subscription was being made: nobody will read it.
        _ = subscription.DisposeAsync().AsTask();
    }

    internal void OnClosed(Action<FeedBase> onClosed) => closed = onClosed;

    /// <summary>A lossless feed fell too far behind: give its registrations back in the background.</summary>
    private protected void Overrun() => _ = Task.Run(async () => await DisposeAsync());
}
