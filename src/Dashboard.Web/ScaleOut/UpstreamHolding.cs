using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// This instance's holding of one app key's upstream: renews the lease every <see cref="ScaleOutOptions.LeaseRenewInterval"/>,
/// registers on the one socket every (type, item) other instances want (the key's interest set, refreshed by
/// them, expired entries dropped) and publishes each event on the key's Redis channel. Quote registrations are
/// relayed each by its own pump (receivers conflate them per symbol exactly as local feeds do); every lossless
/// registration (00/04/1h...) feeds one <see cref="LosslessSequence"/>, so fills, balances and VI cross to other
/// instances in the order this socket received them, across types. Other instances' queries and orders of the key
/// are sent from here too (<see cref="Server"/>). A holding made by takeover owns its session
/// and closes it, and gives the key back, once nobody wants anything from it.
/// </summary>
internal sealed class UpstreamHolding(RedisUpstreamRouter router, BrokerSession session, KiwoomCredential credential, long fence, bool ownsSession)
{
    /// <summary>
    /// The interest an open remote session keeps in its key (member "{instance}|@session|"): nothing to register on the
    /// socket, but its queries and orders need a holder, so a holding taken over for others stays while one is open.
    /// </summary>
    public const string SessionInterest = "@session";

    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<(string Type, string Item), Relay> relays = [];
    private readonly SemaphoreSlim wake = new(0, 1);
    private Task loop = Task.CompletedTask;
    private ChannelMessageQueue? notices;
    private LosslessSequence? lossless;
    private int stopped;
    private volatile bool noticed;

    public string KeyId => session.KeyId;

    /// <summary>Serves other instances' queries and orders of this key (<see cref="RoutedRequestServer"/>).</summary>
    public RoutedRequestServer Server { get; } = new(router, session, credential, fence);

    private RedisChannel Events => RedisChannel.Literal(router.Options.Channel("events:" + KeyId));

    public void Start() => loop = RunAsync(stopping.Token);

    public async Task StopAsync(bool release)
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        // Requests in flight answer first (bounded); new ones find no listener and are told "not sent".
        await Server.StopAsync();
        await StopRelaysAsync(relays.Keys.ToList());
        if (lossless is not null)
        {
            await lossless.CompleteAsync();
        }

        if (notices is not null)
        {
            await notices.UnsubscribeAsync();
        }

        if (ownsSession)
        {
            await router.CloseUpstreamAsync(session);
        }

        if (release)
        {
            try
            {
                await router.Lease.ReleaseAsync(KeyId, fence);
                ScaleOutLog.LeaseReleased(router.Logger, router.Lease.InstanceId, KeyId, fence);
            }
            catch (RedisException ex)
            {
                // It expires by itself within ScaleOut:LeaseExpiry.
                ScaleOutLog.RenewFailed(router.Logger, ex, KeyId);
            }
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await Server.StartAsync();
        notices = await router.Redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(router.Options.Channel("interest-changed:" + KeyId)));
        notices.OnMessage(_ =>
        {
            noticed = true;
            Wake();
        });
        var nextRenew = router.Time.GetUtcNow() + router.Options.LeaseRenewInterval;
        while (!ct.IsCancellationRequested)
        {
            var now = router.Time.GetUtcNow();
            if (now >= nextRenew)
            {
                nextRenew = now + router.Options.LeaseRenewInterval;
                if (!await RenewAsync())
                {
                    ScaleOutLog.LeaseLost(router.Logger, router.Lease.InstanceId, KeyId, fence);
                    router.Forget(this);
                    _ = StopAsync(release: false);
                    return;
                }
            }

            var wanted = await ReconcileAsync(ct);
            if (ownsSession && wanted == 0)
            {
                // Taken over for others, and nobody wants anything any more: give the key back.
                router.Forget(this);
                _ = StopAsync(release: true);
                return;
            }

            var untilRenew = nextRenew - router.Time.GetUtcNow();
            // Woken early by an interest notice; otherwise it is time to renew.
            await wake.WaitAsync(untilRenew > TimeSpan.Zero ? untilRenew : TimeSpan.Zero, ct);
        }
    }

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }

    private async Task<bool> RenewAsync()
    {
        try
        {
            return await router.Lease.RenewAsync(KeyId, fence);
        }
        catch (RedisException ex)
        {
            // Redis may be back before the expiry; if not, the next renewal finds the lease gone.
            ScaleOutLog.RenewFailed(router.Logger, ex, KeyId);
            return true;
        }
    }

    /// <summary>Registers what is wanted and not yet relayed, stops what nobody wants; returns how many pairs are wanted.</summary>
    private async Task<int> ReconcileAsync(CancellationToken ct)
    {
        HashSet<(string Type, string Item)> wanted = [];
        var sessions = 0;
        try
        {
            foreach (var member in await router.Interest.LiveAsync(KeyId))
            {
                var parts = member.Split('|');
                if (parts.Length == 3)
                {
                    wanted.Add((parts[1], parts[2]));
                }
            }

            // Open remote sessions count as wanting the key; only the rest is registered on the socket.
            sessions = wanted.RemoveWhere(w => w.Type == SessionInterest);
        }
        catch (RedisException ex)
        {
            // Keep relaying what is relayed until Redis answers again.
            ScaleOutLog.RenewFailed(router.Logger, ex, KeyId);
            return Math.Max(relays.Count, 1);
        }

        // After an interest notice, every wanted pair is confirmed (a newcomer may be waiting for one already relayed).
        var confirmAll = noticed;
        noticed = false;
        await StopRelaysAsync([.. relays.Where(r => !wanted.Contains(r.Key) || r.Value.Ended || r.Value.Sequence?.Ended == true).Select(r => r.Key)]);
        List<(string Type, string Item)> confirm = confirmAll ? [.. wanted.Where(relays.ContainsKey)] : [];
        foreach (var pair in wanted.Where(w => !relays.ContainsKey(w)))
        {
            var sequence = RealtimeTypes.IsLossless(pair.Type) ? await LosslessSequenceForNewRelayAsync() : null;
            KiwoomResult<EventFeed<RealtimeEvent>> feed;
            try
            {
                // A lossless event goes into the key's one sequence from the receive loop itself (the map runs there,
                // in socket order) and never into this registration's own queue; a quote is queued per registration.
                feed = sequence is null
                    ? await session.Feeds.SubscribeEventsAsync(pair.Type, pair.Item, static e => e, ct)
                    : await session.Feeds.SubscribeEventsAsync<RealtimeEvent>(pair.Type, pair.Item, e =>
                    {
                        sequence.Offer(pair.Item, e);
                        return null;
                    }, ct);
            }
            catch (ObjectDisposedException)
            {
                // The session closed under this holding (the host is stopping, or it is being replaced): nothing to register on.
                ScaleOutLog.RelayEnded(router.Logger, pair.Type, pair.Item, KeyId, "session closed");
                break;
            }

            if (feed.IsSuccess)
            {
                var relay = new Relay(feed.Value, sequence);
                relay.Pump = PumpAsync(pair, relay);
                relays[pair] = relay;
                confirm.Add(pair);
            }
            else
            {
                ScaleOutLog.RelayEnded(router.Logger, pair.Type, pair.Item, KeyId, feed.Error.Message);
            }
        }

        foreach (var (type, item) in confirm)
        {
            await Publish(RelayedEvent.WriteAcknowledgement(fence, type, item));
        }

        return wanted.Count + sessions;
    }

    /// <summary>The current lossless sequence, or a new one if there is none or the last one overran.</summary>
    private async Task<LosslessSequence> LosslessSequenceForNewRelayAsync()
    {
        if (lossless is { Ended: false })
        {
            return lossless;
        }

        if (lossless is not null)
        {
            // An overrun sequence's registrations were all stopped above; what it still holds goes out first.
            await lossless.CompleteAsync();
        }

        return lossless = new LosslessSequence(router.LosslessRelayCapacity, PublishLosslessAsync, () =>
        {
            ScaleOutLog.RelayEnded(router.Logger, "lossless", "*", KeyId, "overrun: Redis fell behind");
            Wake();
        });
    }

    private Task PublishLosslessAsync(string item, RealtimeEvent e) => Publish(RelayedEvent.Write(fence, item, e, router.Protector));

    private async Task Publish(byte[] message)
    {
        try
        {
            await router.Redis.GetSubscriber().PublishAsync(Events, message);
        }
        catch (RedisException ex)
        {
            ScaleOutLog.RelayPublishFailed(router.Logger, ex, KeyId);
        }
    }

    private async Task StopRelaysAsync(List<(string Type, string Item)> pairs)
    {
        foreach (var pair in pairs)
        {
            if (relays.Remove(pair, out var relay))
            {
                relay.Stopping = true;
                await relay.Feed.DisposeAsync();
                await relay.Pump;
            }
        }
    }

    /// <summary>
    /// Publishes one quote registration's events in the order the socket delivered them; for a lossless registration
    /// (whose events go to the sequence) it only notices the registration's end.
    /// </summary>
    private async Task PumpAsync((string Type, string Item) pair, Relay relay)
    {
        var feed = relay.Feed;
        var subscriber = router.Redis.GetSubscriber();
        try
        {
            await foreach (var e in feed.Events.ReadAllAsync())
            {
                try
                {
                    await subscriber.PublishAsync(Events, RelayedEvent.Write(fence, pair.Item, e, router.Protector));
                }
                catch (RedisException ex)
                {
                    ScaleOutLog.RelayPublishFailed(router.Logger, ex, KeyId);
                }
            }

            if (!relay.Stopping)
            {
                // The session closed under the relay (it is being replaced); the next renewal registers it again.
                ScaleOutLog.RelayEnded(router.Logger, pair.Type, pair.Item, KeyId, "closed");
            }
        }
        catch (FeedOverrunException ex)
        {
            ScaleOutLog.RelayEnded(router.Logger, pair.Type, pair.Item, KeyId, ex.Message);
        }
        finally
        {
            relay.Ended = true;
        }
    }

    private sealed class Relay(EventFeed<RealtimeEvent> feed, LosslessSequence? sequence)
    {
        public EventFeed<RealtimeEvent> Feed { get; } = feed;

        /// <summary>The key's lossless sequence this registration feeds; null for a quote registration.</summary>
        public LosslessSequence? Sequence { get; } = sequence;

        public Task Pump { get; set; } = Task.CompletedTask;

        /// <summary>Set by the pump when its feed ended (overrun or session closed): the next reconcile registers again.</summary>
        public volatile bool Ended;

        /// <summary>Set before a deliberate stop, so its end is not reported as a failure.</summary>
        public volatile bool Stopping;
    }
}
