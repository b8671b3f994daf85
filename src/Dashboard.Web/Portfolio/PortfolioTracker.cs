using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Portfolio;

/// <summary>
/// Loads one session's portfolio (kt00018 holdings, kt00001 cash, ka10074 today's realized P&amp;L) and keeps it
/// live: 04 pushes change quantities and averages and add or remove rows, conflated 0B ticks of the held codes
/// move prices (a ka10095 snapshot covers a newly held code until its first tick), and the totals are recomputed from the rows each time. <see cref="Current"/> is an immutable
/// snapshot, safe to render from any thread; <see cref="Changed"/> fires after each new one.
/// </summary>
public sealed class PortfolioTracker : IAsyncDisposable
{
    // The live tracker of each shared session, so an order ticket reads a holding's tradable quantity from it
    // (see LiveTradableQuantity) instead of reading kt00018 again. Weak: a session that goes away takes its entry along.
    private static readonly ConditionalWeakTable<IBrokerSession, PortfolioTracker> LiveBySession = [];

    private readonly IBrokerSession session;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource lifetime = new();
    private readonly SemaphoreSlim quoteSwitch = new(1, 1);
    private readonly List<Task> loops = [];

    // Fills come in bursts; one pending wake-up covers them all, so cash is re-read once per burst.
    private readonly Channel<bool> accountRefresh = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    // Guarded by gate.
    private List<PortfolioPosition> positions = [];
    private readonly List<BalanceUpdate> replay = [];
    private int loadsInFlight;
    private PortfolioCash? cash;
    private long? realizedToday;
    private DateTimeOffset loadedAt;

    private EventFeed<BalanceUpdate>? balanceFeed;
    private LiveFeed<Quote>? quoteFeed;
    private HashSet<string> quotedCodes = new(StringComparer.Ordinal);
    private volatile PortfolioSnapshot? current;
    private volatile KiwoomError? loadError;
    private volatile string? liveError;
    private bool started;

    public PortfolioTracker(IBrokerSession session, TimeProvider time, ILogger<PortfolioTracker> logger)
    {
        this.session = session;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Raised (on a background thread) after <see cref="Current"/> or an error changed.</summary>
    public event Action? Changed;

    /// <summary>The latest portfolio; null until kt00018 has been read once.</summary>
    public PortfolioSnapshot? Current => current;

    /// <summary>Why the last load failed (holdings, cash or realized P&amp;L), or null.</summary>
    public KiwoomError? LoadError => loadError;

    /// <summary>Why live updates stopped (a feed could not be opened or failed), or null.</summary>
    public string? LiveError => liveError;

    /// <summary>Subscribes to balance pushes, reads the snapshot, then follows the held codes' ticks.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (started)
        {
            throw new InvalidOperationException("The tracker has already started.");
        }

        started = true;
        Run(RefreshAccountAsync);

        // Subscribe first: a fill between the snapshot and the subscription would otherwise be missed.
        // The feed buffers what arrives meanwhile, and it is read only after the first load.
        var feed = await SubscribeBalanceAsync(ct);
        await LoadAsync(ct);
        if (feed is not null)
        {
            Run(loopCt => ReadBalanceAsync(feed, loopCt));
            LiveBySession.AddOrUpdate(session, this);
        }

        await SyncQuotesAsync(ct);
    }

    /// <summary>
    /// The tradable (sellable) quantity of <paramref name="code"/> as a live tracker of <paramref name="session"/>
    /// keeps it (kt00018, then 04 pushes): 0 when not held; null when no tracker of the session is following its
    /// balance pushes right now (then only the broker can say).
    /// </summary>
    public static long? LiveTradableQuantity(IBrokerSession session, string code) =>
        LiveBySession.TryGetValue(session, out var tracker) && tracker.current is { } snapshot
            && tracker.balanceFeed is { } feed && !feed.Events.Completion.IsCompleted
            ? snapshot.Positions.FirstOrDefault(p => p.Code == code)?.OrderableQuantity ?? 0
            : null;

    /// <summary>Reads everything again (the member's "retry"), and reopens the balance feed if it had failed.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        if (balanceFeed is null && await SubscribeBalanceAsync(ct) is { } feed)
        {
            liveError = null;
            Run(loopCt => ReadBalanceAsync(feed, loopCt));
        }

        await LoadAsync(ct);
        await SyncQuotesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (LiveBySession.TryGetValue(session, out var live) && ReferenceEquals(live, this))
        {
            LiveBySession.Remove(session);
        }

        await lifetime.CancelAsync();
        if (balanceFeed is { } balance)
        {
            await balance.DisposeAsync();
        }

        if (quoteFeed is { } quotes)
        {
            await quotes.DisposeAsync();
        }

        accountRefresh.Writer.TryComplete();
        Task[] running;
        lock (gate)
        {
            running = [.. loops];
        }

        await Task.WhenAll(running);
        lifetime.Dispose();
        quoteSwitch.Dispose();
    }

    private async Task<EventFeed<BalanceUpdate>?> SubscribeBalanceAsync(CancellationToken ct)
    {
        var subscribed = await session.Feeds.SubscribeEventsAsync(RealtimeTypes.Balance, string.Empty, BalanceUpdate.From, ct);
        if (!subscribed.IsSuccess)
        {
            PortfolioLog.SubscribeFailed(logger, "balance", subscribed.Error.Message);
            liveError = subscribed.Error.Message;
            return null;
        }

        balanceFeed = subscribed.Value;
        return subscribed.Value;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        lock (gate)
        {
            loadsInFlight++;
        }

        var at = time.GetUtcNow();
        var read = new Dictionary<string, PortfolioPosition>(StringComparer.Ordinal);
        KiwoomError? holdingsError = null;
        KiwoomError? accountError = null;
        PortfolioCash? readCash = null;
        long? readRealized = null;
        try
        {
            await foreach (var page in session.Queries.QueryPagesAsync(new Kt00018Request { QueryType = "1", Exchange = "KRX" }, ct: ct))
            {
                if (!page.IsSuccess)
                {
                    holdingsError = page.Error;
                    break;
                }

                foreach (var position in PortfolioMapping.ToPositions(page.Value, at))
                {
                    read[position.Code] = position;
                }
            }

            (readCash, readRealized, accountError) = await ReadAccountAsync(ct);
        }
        finally
        {
            lock (gate)
            {
                loadsInFlight--;
                if (holdingsError is null && !ct.IsCancellationRequested)
                {
                    positions = [.. read.Values];
                    loadedAt = at;

                    // Pushes that arrived while kt00018 was being read may be newer than it; they are absolute, so replaying is safe.
                    foreach (var update in replay)
                    {
                        ApplyLocked(update);
                    }
                }

                if (loadsInFlight == 0)
                {
                    replay.Clear();
                }

                cash = readCash ?? cash;
                realizedToday = readRealized ?? realizedToday;
                if (holdingsError is null)
                {
                    PublishLocked();
                }
            }
        }

        if (holdingsError is not null)
        {
            PortfolioLog.ReadFailed(logger, "kt00018", holdingsError.Message);
        }

        loadError = holdingsError ?? accountError;
        Changed?.Invoke();
    }

    /// <summary>Cash (kt00001) and today's realized P&amp;L (ka10074 for today, Korea time).</summary>
    private async Task<(PortfolioCash? Cash, long? Realized, KiwoomError? Error)> ReadAccountAsync(CancellationToken ct)
    {
        var deposit = await session.Queries.QueryAsync(new Kt00001Request { QueryType = "3" }, ct);
        var today = KoreaTime.Today(time).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var realized = await session.Queries.QueryAsync(new Ka10074Request { StrtDt = today, EndDt = today }, ct);
        if (!deposit.IsSuccess)
        {
            PortfolioLog.ReadFailed(logger, "kt00001", deposit.Error.Message);
        }

        if (!realized.IsSuccess)
        {
            PortfolioLog.ReadFailed(logger, "ka10074", realized.Error.Message);
        }

        return (
            deposit.IsSuccess ? PortfolioMapping.ToCash(deposit.Value) : null,
            realized.IsSuccess ? PortfolioMapping.ToRealized(realized.Value) : null,
            deposit.Error ?? realized.Error);
    }

    private async Task ReadBalanceAsync(EventFeed<BalanceUpdate> feed, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await foreach (var update in feed.Events.ReadAllAsync(ct))
                {
                    bool codesChanged;
                    lock (gate)
                    {
                        codesChanged = ApplyLocked(update);
                        if (loadsInFlight > 0)
                        {
                            replay.Add(update);
                        }

                        PublishLocked();
                    }

                    Changed?.Invoke();
                    accountRefresh.Writer.TryWrite(true);
                    if (codesChanged)
                    {
                        await SyncQuotesAsync(ct);
                    }
                }

                return;
            }
            catch (FeedOverrunException)
            {
                // Fell behind on lossless pushes: the queue is gone, so start over from a fresh snapshot.
                PortfolioLog.BalanceOverrun(logger);
                await feed.DisposeAsync();
                balanceFeed = null;
                if (await SubscribeBalanceAsync(ct) is not { } again)
                {
                    Changed?.Invoke();
                    return;
                }

                feed = again;
                await LoadAsync(ct);
                await SyncQuotesAsync(ct);
            }
        }
    }

    /// <summary>Follows exactly the held codes: a new feed over the new set first, then the old one goes, so shared registrations stay.</summary>
    private async Task SyncQuotesAsync(CancellationToken ct)
    {
        await quoteSwitch.WaitAsync(ct);
        try
        {
            HashSet<string> codes;
            lock (gate)
            {
                codes = new HashSet<string>(positions.Select(p => p.Code), StringComparer.Ordinal);
            }

            if (codes.SetEquals(quotedCodes))
            {
                return;
            }

            var old = quoteFeed;
            if (codes.Count > 0)
            {
                var subscribed = await session.Feeds.SubscribeQuotesAsync(codes, ct);
                if (!subscribed.IsSuccess)
                {
                    PortfolioLog.SubscribeFailed(logger, "quote", subscribed.Error.Message);
                    liveError = subscribed.Error.Message;
                    Changed?.Invoke();
                    return;
                }

                var feed = subscribed.Value;
                quoteFeed = feed;
                Run(loopCt => ReadQuotesAsync(feed, loopCt));

                // A newly held stock may have traded between its fill and this subscription: read its price once
                // (the feed keeps whichever of snapshot and tick is newer).
                var added = codes.Where(c => !quotedCodes.Contains(c)).ToList();
                var snapshot = await session.Market.GetQuotesAsync(added, ct);
                if (snapshot.IsSuccess)
                {
                    foreach (var quote in snapshot.Value)
                    {
                        feed.Publish(quote);
                    }
                }
            }
            else
            {
                quoteFeed = null;
            }

            quotedCodes = codes;
            if (old is not null)
            {
                await old.DisposeAsync();
            }
        }
        finally
        {
            quoteSwitch.Release();
        }
    }

    private async Task ReadQuotesAsync(LiveFeed<Quote> feed, CancellationToken ct)
    {
        await foreach (var batch in feed.ReadAllAsync(ct))
        {
            var moved = false;
            lock (gate)
            {
                foreach (var quote in batch)
                {
                    var index = positions.FindIndex(p => p.Code == quote.Code);
                    if (index >= 0 && PortfolioMapping.Apply(positions[index], quote) is var updated && !ReferenceEquals(updated, positions[index]))
                    {
                        positions[index] = updated;
                        moved = true;
                    }
                }

                if (moved)
                {
                    PublishLocked();
                }
            }

            if (moved)
            {
                Changed?.Invoke();
            }
        }
    }

    private async Task RefreshAccountAsync(CancellationToken ct)
    {
        while (await accountRefresh.Reader.WaitToReadAsync(ct))
        {
            accountRefresh.Reader.TryRead(out _);
            var (readCash, readRealized, error) = await ReadAccountAsync(ct);
            lock (gate)
            {
                cash = readCash ?? cash;
                realizedToday = readRealized ?? realizedToday;
                PublishLocked();
            }

            loadError = error;
            Changed?.Invoke();
        }
    }

    /// <summary>Applies a 04 push to the rows; true when a code was added or removed.</summary>
    private bool ApplyLocked(BalanceUpdate update)
    {
        if (update.RealizedProfitToday is { } realized)
        {
            realizedToday = realized;
        }

        var index = positions.FindIndex(p => p.Code == update.Code);
        var known = index >= 0 ? positions[index] : null;
        var updated = PortfolioMapping.Apply(known, update);
        switch (index, updated)
        {
            case (>= 0, null):
                positions.RemoveAt(index);
                return true;
            case (>= 0, { } row):
                positions[index] = row;
                return false;
            case (< 0, { } row):
                positions.Add(row);
                return true;
            default:
                return false;
        }
    }

    private void PublishLocked()
    {
        if (loadedAt == default)
        {
            // Nothing is shown before the first kt00018: a push alone is not the whole portfolio.
            return;
        }

        PortfolioPosition[] rows = [.. positions];
        current = new PortfolioSnapshot(rows, PortfolioTotals.From(rows), cash, realizedToday, loadedAt);
    }

    private void Run(Func<CancellationToken, Task> loop)
    {
        var task = RunAsync(loop);
        lock (gate)
        {
            loops.RemoveAll(t => t.IsCompleted);
            loops.Add(task);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> loop)
    {
        var ending = lifetime.Token;
        try
        {
            await Task.Yield();
            await loop(ending);
        }
        catch (Exception) when (ending.IsCancellationRequested)
        {
            // Disposed: a normal teardown.
        }
        catch (Exception ex)
        {
            PortfolioLog.LoopFailed(logger, ex);
            liveError = ex.Message;
            Changed?.Invoke();
        }
    }
}
