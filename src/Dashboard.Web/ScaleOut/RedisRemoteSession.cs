using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// A member's session on an instance that does not hold their app key's upstream. Live feeds come from the
/// holder over Redis: each (type, item) a circuit here subscribes becomes a member of the key's interest set
/// (refreshed while wanted, so a crashed instance's interest expires by itself), the holder registers it on its
/// one socket and publishes every event on the key's channel, and this session hands them to its feeds in the
/// order Redis delivered them (one reader per channel). Queries and orders go to the holder too
/// (<see cref="RoutedQueries"/>): it sends them with its token and its one rate budget, as Kiwoom binds both to the
/// key and the caller's address. Condition search needs the socket and is unavailable here. While it is open the
/// session keeps an interest in the key itself, so a holder that took the key over for others keeps it.
/// While nobody holds the key (the holder stopped), this session asks the router to take it over.
/// </summary>
internal sealed class RedisRemoteSession : RemoteSession
{
    private readonly KiwoomCredential credential;
    private readonly IConnectionMultiplexer redis;
    private readonly RedisUpstreamRouter router;
    private readonly IDataProtector protector;
    private readonly ScaleOutOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly RealtimeFrameParser parser;
    private readonly RoutedQueries queries;
    private readonly SessionMarketQueries market;
    private readonly RemoteFeeds feeds;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Type, string Item), List<IRealtimeSink>> sinks = [];
    private readonly List<RealtimeEvent> parsed = [];
    private readonly Dictionary<(string Type, string Item), TaskCompletionSource> registering = [];
    private readonly CancellationTokenSource closing = new();
    private readonly string instanceId;
    private ChannelMessageQueue? queue;
    private Task loop = Task.CompletedTask;
    private long highestFence;
    private long lastTickTicks;
    private volatile bool holderSeen;

    public RedisRemoteSession(
        KiwoomCredential credential,
        IConnectionMultiplexer redis,
        RedisUpstreamRouter router,
        IDataProtector protector,
        BrokerOptions brokerOptions,
        BrokerMetrics metrics,
        ScaleOutOptions options,
        int defaultMaxPages,
        TimeProvider time,
        ILogger logger)
    {
        this.credential = credential;
        this.redis = redis;
        this.router = router;
        this.protector = protector;
        this.options = options;
        this.time = time;
        this.logger = logger;
        instanceId = options.ResolveInstanceId();
        parser = new RealtimeFrameParser(time);
        queries = new RoutedQueries(router.Requests, credential, defaultMaxPages, logger);
        market = new SessionMarketQueries(queries, brokerOptions, time, closing.Token);
        feeds = new RemoteFeeds(this, brokerOptions, metrics);
    }

    public override string KeyId => credential.KeyId;

    public override KiwoomEnvironment Environment => credential.Environment;

    public override event Action<BrokerStatus>? StatusChanged;

    public override IMarketQueries Market => market;

    public override IBrokerQueries Queries => queries;

    public override IMarketFeeds Feeds => feeds;

    public override BrokerStatus Status
    {
        get
        {
            var last = Interlocked.Read(ref lastTickTicks);
            bool subscribed;
            lock (gate)
            {
                subscribed = sinks.Keys.Any(k => !RealtimeTypes.IsLossless(k.Type));
            }

            return new BrokerStatus(
                holderSeen ? BrokerLinkState.Connected : BrokerLinkState.Reconnecting,
                holderSeen ? null : "The instance holding this key's connection stopped; another one is taking over.",
                null,
                last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero),
                subscribed,
                time.GetUtcNow());
        }
    }

    /// <summary>Number of (type, item) pairs this instance wants from the holder.</summary>
    public int InterestCount
    {
        get
        {
            lock (gate)
            {
                return sinks.Count;
            }
        }
    }

    /// <summary>Listens on the key's channel and starts the refresh loop; the holder is known to exist when this is created.</summary>
    public async Task StartAsync()
    {
        queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(options.Channel("events:" + KeyId)));
        queue.OnMessage(OnMessage);
        await WantAsync([SessionWant], notify: false);
        holderSeen = true;
        loop = RefreshLoopAsync(closing.Token);
    }

    public override Task<BrokerStatus> ConnectAsync(CancellationToken ct = default) => Task.FromResult(Status);

    /// <summary>
    /// Orders go to the holder, which sends each once with its token and order budget. The order service's intent
    /// lock in the shared database keeps one intent to one call here; the holder's claim on the request id keeps one
    /// call to one broker order; a lost answer comes back as a transport error, i.e. an unknown outcome.
    /// </summary>
    internal override Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct) =>
        queries.SendOrderAsync(request, ct);

    public override async ValueTask DisposeAsync()
    {
        if (closing.IsCancellationRequested)
        {
            return;
        }

        await closing.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        if (queue is not null)
        {
            await queue.UnsubscribeAsync();
        }

        List<IRealtimeSink> open;
        List<(string, string)> wanted;
        lock (gate)
        {
            open = [.. sinks.Values.SelectMany(s => s)];
            wanted = [.. sinks.Keys];
            sinks.Clear();
        }

        foreach (var sink in open)
        {
            sink.Complete();
        }

        await ForgetAsync([.. wanted, SessionWant]);
        closing.Dispose();
    }

    /// <summary>Adds a sink for (type, item): the first one here tells the holder to register it.</summary>
    internal async Task<IAsyncDisposable> SubscribeAsync(string type, string item, IRealtimeSink sink)
    {
        bool first;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closing.IsCancellationRequested, this);
            if (!sinks.TryGetValue((type, item), out var list))
            {
                sinks[(type, item)] = list = [];
            }

            first = list.Count == 0;
            list.Add(sink);
        }

        if (first)
        {
            await WantAndWaitAsync(type, item);
        }

        return new Subscription(this, type, item, sink);
    }

    /// <summary>
    /// Asks the holder for (type, item) and waits, bounded, until it says the pair is registered on its socket,
    /// as a local subscription waits for Kiwoom's REG answer: an order sent right after subscribing to 00 must
    /// not have its fill pass before the relay exists. Past the bound the feed is returned anyway (the holder
    /// may be moving) and the wait is logged.
    /// </summary>
    private async Task WantAndWaitAsync(string type, string item)
    {
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            registering[(type, item)] = registered;
        }

        try
        {
            await WantAsync([(type, item)]);
            await registered.Task.WaitAsync(options.LeaseExpiry, time);
        }
        catch (TimeoutException)
        {
            ScaleOutLog.RegistrationUnconfirmed(logger, type, item, KeyId);
        }
        finally
        {
            lock (gate)
            {
                registering.Remove((type, item));
            }
        }
    }

    private async Task UnsubscribeAsync(string type, string item, IRealtimeSink sink)
    {
        bool last;
        lock (gate)
        {
            if (!sinks.TryGetValue((type, item), out var list) || !list.Remove(sink))
            {
                return;
            }

            last = list.Count == 0;
            if (last)
            {
                sinks.Remove((type, item));
            }
        }

        sink.Complete();
        if (last && !closing.IsCancellationRequested)
        {
            await ForgetAsync([(type, item)]);
        }
    }

    /// <param name="notify">Tell the holder now (a new pair); the periodic refresh only extends the expiry.</param>
    private async Task WantAsync(IReadOnlyCollection<(string Type, string Item)> wanted, bool notify = true)
    {
        if (wanted.Count == 0)
        {
            return;
        }

        await router.Interest.WantAsync(KeyId, wanted.Select(Member), options.LeaseExpiry);
        if (notify)
        {
            await redis.GetSubscriber().PublishAsync(NoticeChannel, instanceId);
        }
    }

    private async Task ForgetAsync(IReadOnlyCollection<(string Type, string Item)> gone)
    {
        if (gone.Count == 0)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().SortedSetRemoveAsync(InterestKey, [.. gone.Select(g => (RedisValue)Member(g))]);
            await redis.GetSubscriber().PublishAsync(NoticeChannel, instanceId);
        }
        catch (RedisException ex)
        {
            // The interest expires by itself within the lease expiry.
            ScaleOutLog.PublishFailed(logger, ex, NoticeChannel.ToString());
        }
    }

    /// <summary>Keeps this instance's interest alive and watches for a holder that went away.</summary>
    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.LeaseRenewInterval, time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                List<(string, string)> wanted;
                lock (gate)
                {
                    wanted = [.. sinks.Keys, SessionWant];
                }

                await WantAsync(wanted, notify: false);
                var holder = await router.Lease.HolderAsync(KeyId);
                if (holder is null)
                {
                    // Nobody holds the key: the first instance to take the lease opens the socket and serves everyone.
                    await router.TakeOverAsync(credential);
                    holder = await router.Lease.HolderAsync(KeyId);
                }

                // Requests handed to a holding that is gone get no answer: they end now, not at their timeout.
                router.Requests.HolderSeen(KeyId, holder);
                SetHolderSeen(holder is not null);
            }
            catch (RedisException ex)
            {
                ScaleOutLog.PublishFailed(logger, ex, InterestKey.ToString());
                SetHolderSeen(false);
            }
        }
    }

    private void SetHolderSeen(bool seen)
    {
        if (holderSeen != seen)
        {
            holderSeen = seen;
            StatusChanged?.Invoke(Status);
        }
    }

    private void OnMessage(ChannelMessage message)
    {
        var bytes = (byte[])message.Message!;
        if (!RelayedEvent.TryRead(bytes, protector, out var fence, out var item, out var frame))
        {
            ScaleOutLog.UnreadableRelay(logger, KeyId);
            return;
        }

        if (RelayedEvent.IsAcknowledgement(bytes))
        {
            lock (gate)
            {
                if (registering.TryGetValue((System.Text.Encoding.UTF8.GetString(frame), item), out var waiting))
                {
                    waiting.TrySetResult();
                }
            }

            return;
        }

        // A newer holding has spoken: whatever an older holder still sends is stale.
        if (fence < highestFence)
        {
            return;
        }

        highestFence = fence;
        parsed.Clear();
        parser.Parse(frame, parsed, out _);
        foreach (var e in parsed)
        {
            Interlocked.Exchange(ref lastTickTicks, e.ReceivedAt.UtcTicks);
            IRealtimeSink[] targets;
            lock (gate)
            {
                targets = sinks.TryGetValue((e.Type, item), out var list) ? [.. list] : [];
            }

            foreach (var sink in targets)
            {
                sink.Deliver(e);
            }
        }
    }

    private RedisKey InterestKey => router.Interest.Key(KeyId);

    private RedisChannel NoticeChannel => RedisChannel.Literal(options.Channel("interest-changed:" + KeyId));

    private static (string Type, string Item) SessionWant => (UpstreamHolding.SessionInterest, string.Empty);

    private string Member((string Type, string Item) want) => instanceId + "|" + want.Type + "|" + want.Item;

    private sealed class Subscription(RedisRemoteSession session, string type, string item, IRealtimeSink sink) : IAsyncDisposable
    {
        private int disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                await session.UnsubscribeAsync(type, item, sink);
            }
        }
    }
}
