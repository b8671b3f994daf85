using System.Collections.Immutable;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Broker;

/// <summary>
/// The live session of one broker credential, shared by every circuit (tab, device) that uses it: the
/// token and REST rate budget (through the process-wide client, keyed by app key), exactly one
/// WebSocket, reference-counted registrations fanned out to per-subscriber feeds, and the state the
/// connection chip shows. After a reconnect the client re-registers everything and the session
/// re-reads the quotes that may have moved meanwhile.
/// </summary>
public sealed partial class BrokerSession : IAsyncDisposable
{
    private readonly KiwoomCredential credential;
    private readonly KiwoomRestClient rest;
    private readonly KiwoomRealtimeClient realtime;
    private readonly BrokerOptions options;
    private readonly BrokerMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim registrations = new(1, 1);
    private readonly Dictionary<(string Type, string Item), Upstream> upstreams = [];
    private readonly CancellationTokenSource closing = new();
    private RealtimeConnectionState lastState = RealtimeConnectionState.Disconnected;
    private bool everConnected;
    private long lastTickTicks;
    private int disposed;

    internal BrokerSession(
        KiwoomCredential credential,
        KiwoomRestClient rest,
        KiwoomRealtimeClient realtime,
        BrokerOptions options,
        BrokerMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        this.credential = credential;
        this.rest = rest;
        this.realtime = realtime;
        this.options = options;
        this.metrics = metrics;
        this.time = time;
        this.logger = logger;
        KeyId = credential.KeyId;
        realtime.StateChanged += OnRealtimeStateChanged;
    }

    /// <summary>Non-reversible identity of the app key (and environment) this session serves.</summary>
    public string KeyId { get; }

    public KiwoomEnvironment Environment => credential.Environment;

    /// <summary>Raised on every connection state change (not on ticks), outside any lock.</summary>
    public event Action<BrokerStatus>? StatusChanged;

    public BrokerStatus Status
    {
        get
        {
            var change = realtime.Current;
            var last = Interlocked.Read(ref lastTickTicks);
            bool subscribed;
            lock (gate)
            {
                subscribed = upstreams.Count > 0;
            }

            return new BrokerStatus(
                Map(change.State), change.Error?.Message, change.Error?.DetailCode,
                last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero), subscribed, change.At);
        }
    }

    /// <summary>Number of distinct (type, item) registrations upstream.</summary>
    public int RegistrationCount
    {
        get
        {
            lock (gate)
            {
                return upstreams.Count;
            }
        }
    }

    /// <summary>Sends one REST request with this session's credential.</summary>
    public Task<KiwoomResult<TResponse>> SendAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        rest.SendAsync(credential, request, ct);

    /// <summary>Follows a continuation query page by page.</summary>
    public IAsyncEnumerable<KiwoomResult<TResponse>> SendPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        rest.SendPagesAsync(credential, request, maxPages, ct);

    /// <summary>
    /// Starts (or, after Replaced/Failed, restarts) the WebSocket and waits for the outcome. A replaced
    /// session only comes back when the member asks, because reconnecting would in turn replace the
    /// other login of the same key.
    /// </summary>
    public async Task<BrokerStatus> ConnectAsync(CancellationToken ct = default)
    {
        var result = await realtime.ConnectAsync(ct);
        if (!result.IsSuccess)
        {
            BrokerLog.ConnectFailed(logger, KeyId, result.Error.Message);
        }

        return Status;
    }

    /// <summary>Starts the WebSocket in the background so the chip shows the connection before anything subscribes.</summary>
    internal void Start() => _ = StartAsync();

    /// <summary>Conflated 0B quotes of <paramref name="codes"/> (latest wins per code).</summary>
    public Task<KiwoomResult<LiveFeed<Quote>>> SubscribeQuotesAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        SubscribeLiveAsync(RealtimeTypes.Trade, codes, MarketMapping.ToQuote, ct);

    /// <summary>Conflated 0J index values of the sector <paramref name="codes"/>.</summary>
    public Task<KiwoomResult<LiveFeed<IndexQuote>>> SubscribeIndicesAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        SubscribeLiveAsync(RealtimeTypes.SectorIndex, codes, MarketMapping.ToIndexQuote, ct);

    /// <summary>Every 0B trade of one stock, in order: the stock page's trade tape (a reader thousands behind loses the oldest).</summary>
    public Task<KiwoomResult<EventFeed<Quote>>> SubscribeTradesAsync(string code, CancellationToken ct = default) =>
        SubscribeEventsAsync(RealtimeTypes.Trade, code, MarketMapping.ToQuote, ct);

    /// <summary>VI triggers and releases (type 1h, registered market-wide), never dropped.</summary>
    public Task<KiwoomResult<EventFeed<ViEvent>>> SubscribeViAsync(CancellationToken ct = default) =>
        SubscribeEventsAsync(RealtimeTypes.ViTrigger, string.Empty, ViEvent.From, ct);

    /// <summary>Order and fill events (type 00) of this account, never dropped.</summary>
    public Task<KiwoomResult<EventFeed<OrderExecution>>> SubscribeOrderEventsAsync(CancellationToken ct = default) =>
        SubscribeEventsAsync(RealtimeTypes.OrderExecution, string.Empty, OrderExecution.From, ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        realtime.StateChanged -= OnRealtimeStateChanged;
        await closing.CancelAsync();
        List<Upstream> open;
        lock (gate)
        {
            open = [.. upstreams.Values];
            upstreams.Clear();
        }

        // Disposing the client closes the socket and completes every subscription, which ends the pumps.
        await realtime.DisposeAsync();
        foreach (var upstream in open)
        {
            await upstream.StopAsync();
            foreach (var sink in upstream.Sinks)
            {
                sink.Complete();
            }
        }

        closing.Dispose();
        registrations.Dispose();
    }

    private async Task StartAsync()
    {
        try
        {
            await ConnectAsync(closing.Token);
        }
        catch (Exception ex) when (closing.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException)
        {
            // Closed before the first connection finished.
        }
    }

    private async Task<KiwoomResult<LiveFeed<T>>> SubscribeLiveAsync<T>(string type, IReadOnlyCollection<string> items, Func<RealtimeEvent, T?> map, CancellationToken ct)
        where T : class, ILiveValue
    {
        var feed = new LiveFeed<T>(map);
        var error = await AttachAsync(feed, type, items, ct);
        if (error is not null)
        {
            return error;
        }

        feed.OnRelease(() => DetachAsync(feed));
        return KiwoomResult<LiveFeed<T>>.Success(feed);
    }

    private async Task<KiwoomResult<EventFeed<T>>> SubscribeEventsAsync<T>(string type, string item, Func<RealtimeEvent, T?> map, CancellationToken ct)
        where T : class
    {
        var feed = new EventFeed<T>(map, options.LosslessQueueCapacity, RealtimeTypes.IsLossless(type));
        var error = await AttachAsync(feed, type, [item], ct);
        if (error is not null)
        {
            return error;
        }

        feed.OnRelease(() => DetachAsync(feed));
        return KiwoomResult<EventFeed<T>>.Success(feed);
    }

    /// <summary>Adds a sink to each (type, item); the first sink of one registers it upstream.</summary>
    private async Task<KiwoomError?> AttachAsync(IFeedSink sink, string type, IReadOnlyCollection<string> items, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        await registrations.WaitAsync(ct);
        try
        {
            var attached = new List<(string, string)>();
            foreach (var item in items.Distinct(StringComparer.Ordinal))
            {
                var key = (type, item);
                Upstream? upstream;
                lock (gate)
                {
                    upstreams.TryGetValue(key, out upstream);
                }

                if (upstream is null)
                {
                    var subscribed = await realtime.SubscribeAsync(type, item, ct);
                    if (!subscribed.IsSuccess)
                    {
                        await DetachLockedAsync(sink, attached);
                        return subscribed.Error;
                    }

                    upstream = new Upstream(type, item, subscribed.Value);
                    lock (gate)
                    {
                        upstreams.Add(key, upstream);
                    }

                    upstream.Start(PumpAsync(upstream, closing.Token));
                }

                lock (gate)
                {
                    upstream.Sinks = upstream.Sinks.Add(sink);
                }

                attached.Add(key);
            }

            return null;
        }
        finally
        {
            registrations.Release();
        }
    }

    private async ValueTask DetachAsync(IFeedSink sink)
    {
        if (disposed != 0)
        {
            return;
        }

        await registrations.WaitAsync(CancellationToken.None);
        try
        {
            List<(string, string)> keys;
            lock (gate)
            {
                keys = [.. upstreams.Where(u => u.Value.Sinks.Contains(sink)).Select(u => u.Key)];
            }

            await DetachLockedAsync(sink, keys);
        }
        finally
        {
            registrations.Release();
        }
    }

    /// <summary>Removes a sink; the last sink of a registration sends REMOVE. Caller holds <see cref="registrations"/>.</summary>
    private async Task DetachLockedAsync(IFeedSink sink, List<(string, string)> keys)
    {
        foreach (var key in keys)
        {
            Upstream? emptied = null;
            lock (gate)
            {
                if (upstreams.TryGetValue(key, out var upstream))
                {
                    upstream.Sinks = upstream.Sinks.Remove(sink);
                    if (upstream.Sinks.IsEmpty)
                    {
                        upstreams.Remove(key);
                        emptied = upstream;
                    }
                }
            }

            if (emptied is not null)
            {
                await emptied.Subscription.DisposeAsync();
                await emptied.StopAsync();
            }
        }
    }

    private async Task PumpAsync(Upstream upstream, CancellationToken closingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(closingToken, upstream.Stop.Token);
        try
        {
            await foreach (var e in upstream.Subscription.Events.ReadAllAsync(stop.Token))
            {
                metrics.Tick(e.Type);
                Interlocked.Exchange(ref lastTickTicks, e.ReceivedAt.UtcTicks);
                ImmutableArray<IFeedSink> sinks;
                lock (gate)
                {
                    sinks = upstream.Sinks;
                }

                foreach (var sink in sinks)
                {
                    await sink.DeliverAsync(e, stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Unsubscribed or closing.
        }
        catch (Exception ex)
        {
            BrokerLog.PumpFailed(logger, ex, KeyId, upstream.Type);
            throw;
        }
    }

    private void OnRealtimeStateChanged(object? sender, RealtimeStateChange change)
    {
        bool reconnected;
        lock (gate)
        {
            reconnected = change.State == RealtimeConnectionState.Connected && everConnected && lastState != RealtimeConnectionState.Connected;
            everConnected |= change.State == RealtimeConnectionState.Connected;
            lastState = change.State;
        }

        if (change.State == RealtimeConnectionState.Connected)
        {
            metrics.SocketOpened();
        }

        var status = Status;
        BrokerLog.StateChanged(logger, KeyId, status.State, status.Message ?? string.Empty);
        if (reconnected)
        {
            _ = ReconcileAsync(closing.Token);
        }

        StatusChanged?.Invoke(status);
    }

    private static BrokerLinkState Map(RealtimeConnectionState state) => state switch
    {
        RealtimeConnectionState.Connected => BrokerLinkState.Connected,
        RealtimeConnectionState.Reconnecting => BrokerLinkState.Reconnecting,
        RealtimeConnectionState.Replaced => BrokerLinkState.Replaced,
        RealtimeConnectionState.Failed => BrokerLinkState.Failed,
        _ => BrokerLinkState.Connecting,
    };

    private sealed class Upstream(string type, string item, RealtimeSubscription subscription)
    {
        private Task pump = Task.CompletedTask;

        public string Type { get; } = type;

        public string Item { get; } = item;

        public RealtimeSubscription Subscription { get; } = subscription;

        public CancellationTokenSource Stop { get; } = new();

        public ImmutableArray<IFeedSink> Sinks { get; set; } = [];

        public void Start(Task running) => pump = running;

        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            try
            {
                await pump;
            }
            catch (Exception) when (pump.IsFaulted)
            {
                // Already logged by the pump itself.
            }

            Stop.Dispose();
        }
    }
}
