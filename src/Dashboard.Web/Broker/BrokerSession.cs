using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker.TeamQuotes;

namespace Dashboard.Web.Broker;

/// <summary>
/// The live session of one broker credential, shared by every circuit (tab, device) of its member and
/// by the order service: the token and REST rate budget (through the process-wide client, keyed by app
/// key), exactly one WebSocket whose reference-counted registrations feed each subscriber's own queue,
/// and the state the connection chip shows. After a reconnect the client re-registers everything and the
/// session re-reads the quotes that may have moved meanwhile.
/// </summary>
public sealed class BrokerSession : IBrokerSession, IAsyncDisposable
{
    private readonly KiwoomCredential credential;
    private readonly KiwoomRestClient rest;
    private readonly KiwoomRealtimeClient realtime;
    private readonly BrokerMetrics metrics;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly HashSet<FeedBase> openFeeds = [];
    private readonly CancellationTokenSource closing = new();
    private readonly SessionQueries queries;
    private readonly SessionMarketQueries market;
    private readonly SessionFeeds feeds;
    private readonly SessionConditionSearch conditions;
    private readonly TeamQuoteLink? team;
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
        ILogger logger,
        TeamQuoteSources? teamQuotes = null)
    {
        this.credential = credential;
        this.rest = rest;
        this.realtime = realtime;
        this.metrics = metrics;
        this.logger = logger;
        KeyId = credential.KeyId;
        queries = new SessionQueries(rest, credential);
        market = new SessionMarketQueries(queries, options, time, closing.Token);
        if (teamQuotes is not null)
        {
            team = new TeamQuoteLink(teamQuotes, TeamQuoteMarket.Of(credential), OnSharedTick);
        }

        feeds = new SessionFeeds(realtime, options, metrics, FeedOpened, FeedClosed, team);
        conditions = new SessionConditionSearch(realtime, options.ConditionConnectWait);
        realtime.StateChanged += OnRealtimeStateChanged;
        realtime.EventReceived += OnEventReceived;
        if (team is not null)
        {
            team.Sources.Join(this, team.Market, realtime);
            team.Sources.Resumed += OnTeamQuotesResumed;
        }
    }

    public string KeyId { get; }

    public KiwoomEnvironment Environment => credential.Environment;

    public event Action<BrokerStatus>? StatusChanged;

    public IMarketQueries Market => market;

    public IBrokerQueries Queries => queries;

    public IMarketFeeds Feeds => feeds;

    public IConditionSearch Conditions => conditions;

    public BrokerStatus Status
    {
        get
        {
            var change = realtime.Current;
            var last = Interlocked.Read(ref lastTickTicks);
            return new BrokerStatus(
                Map(change.State), change.Error?.Message, change.Error?.DetailCode,
                last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero), HasQuoteFeeds(), change.At);
        }
    }

    /// <summary>The market whose team quotes this session shares (Broker:SharedQuotes), else null.</summary>
    internal TeamQuoteMarket? TeamMarket => team?.Market;

    /// <summary>Number of distinct (type, item) registrations upstream.</summary>
    public int RegistrationCount => realtime.RegistrationCount;

    public async Task<BrokerStatus> ConnectAsync(CancellationToken ct = default)
    {
        var result = await realtime.ConnectAsync(ct);
        if (!result.IsSuccess)
        {
            BrokerLog.ConnectFailed(logger, KeyId, result.Error.Message);
        }

        return Status;
    }

    /// <summary>Whether <paramref name="other"/> carries the same secret as this session's credential (constant time).</summary>
    internal bool HasSameSecret(KiwoomCredential other) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(credential.SecretKey), System.Text.Encoding.UTF8.GetBytes(other.SecretKey));

    /// <summary>Sends one order TR exactly once; only the order gateway calls this.</summary>
    internal Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        if (request.Api.Kind != ApiKind.Order)
        {
            throw new ArgumentException($"{request.Api.Id} is not an order TR; queries go through Queries.", nameof(request));
        }

        return rest.SendAsync(credential, request, ct);
    }

    /// <summary>Starts the WebSocket in the background so the chip shows the connection before anything subscribes.</summary>
    internal void Start() => _ = StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        realtime.StateChanged -= OnRealtimeStateChanged;
        realtime.EventReceived -= OnEventReceived;
        if (team is not null)
        {
            // Before the socket closes: this session's feeds on the team's source end, and the team's
            // registrations on this socket (when it is the source) move to another member's session.
            team.Sources.Resumed -= OnTeamQuotesResumed;
            await feeds.CloseSharedAsync();
            await team.Sources.LeaveAsync(this, team.Market);
        }

        await closing.CancelAsync();

        // Disposing the client closes the socket and completes every subscription, so every feed's reader sees its end.
        await realtime.DisposeAsync();
        closing.Dispose();
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

    /// <summary>
    /// Whether a quote type is subscribed: only then does silence mean stale data. Fills, balances and VI
    /// (a portfolio or blotter with nothing else open) are quiet for hours in a healthy session.
    /// </summary>
    private bool HasQuoteFeeds()
    {
        lock (gate)
        {
            return openFeeds.Any(f => !RealtimeTypes.IsLossless(f.Type));
        }
    }

    private void FeedOpened(FeedBase feed)
    {
        lock (gate)
        {
            openFeeds.Add(feed);
        }
    }

    private void FeedClosed(FeedBase feed)
    {
        lock (gate)
        {
            openFeeds.Remove(feed);
        }
    }

    private void OnEventReceived(RealtimeEvent e)
    {
        metrics.Tick(e);
        Interlocked.Exchange(ref lastTickTicks, e.ReceivedAt.UtcTicks);
    }

    /// <summary>A shared quote reached one of this session's feeds: the session is as fresh as that tick.</summary>
    private void OnSharedTick(RealtimeEvent e) => Interlocked.Exchange(ref lastTickTicks, e.ReceivedAt.UtcTicks);

    /// <summary>The team's source of this market reconnected or changed: re-read what this session's shared feeds show.</summary>
    private void OnTeamQuotesResumed(TeamQuoteMarket market, BrokerSession source)
    {
        if (source != this && market == team!.Market && Volatile.Read(ref disposed) == 0 && HasQuoteFeeds())
        {
            _ = ReconcileAsync(closing.Token);
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

    /// <summary>Quotes and indices may have moved while the socket was down: re-read them and offer them to the open feeds.</summary>
    private async Task ReconcileAsync(CancellationToken ct)
    {
        List<FeedBase> open;
        lock (gate)
        {
            open = [.. openFeeds];
        }

        var stocks = open.Where(f => f.Type == RealtimeTypes.Trade).SelectMany(f => f.Items).Distinct(StringComparer.Ordinal).ToList();
        var indices = open.Where(f => f.Type == RealtimeTypes.SectorIndex).SelectMany(f => f.Items).Distinct(StringComparer.Ordinal).ToList();
        var quoteCount = 0;
        try
        {
            if (stocks.Count > 0)
            {
                var quotes = await market.GetQuotesAsync(stocks, ct);
                if (quotes.IsSuccess)
                {
                    foreach (var quote in quotes.Value)
                    {
                        Offer(open, RealtimeTypes.Trade, quote);
                        quoteCount++;
                    }
                }
                else
                {
                    BrokerLog.ReconcileFailed(logger, KeyId, "quotes", quotes.Error.Message);
                }
            }

            foreach (var code in indices)
            {
                var index = await market.GetIndexAsync(code, ct);
                if (index.IsSuccess)
                {
                    Offer(open, RealtimeTypes.SectorIndex, index.Value);
                }
                else
                {
                    BrokerLog.ReconcileFailed(logger, KeyId, "index " + code, index.Error.Message);
                }
            }

            BrokerLog.Reconciled(logger, KeyId, quoteCount, indices.Count);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The session closed while re-reading.
        }
    }

    private static void Offer(List<FeedBase> feeds, string type, ILiveValue snapshot)
    {
        foreach (var feed in feeds)
        {
            if (feed.Type == type && feed.Items.Contains(snapshot.Key, StringComparer.Ordinal))
            {
                feed.Offer(snapshot);
            }
        }
    }

    private static BrokerLinkState Map(RealtimeConnectionState state) => state switch
    {
        RealtimeConnectionState.Connected => BrokerLinkState.Connected,
        RealtimeConnectionState.Reconnecting => BrokerLinkState.Reconnecting,
        RealtimeConnectionState.Replaced => BrokerLinkState.Replaced,
        RealtimeConnectionState.Failed => BrokerLinkState.Failed,
        _ => BrokerLinkState.Connecting,
    };
}
