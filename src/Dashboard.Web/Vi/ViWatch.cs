using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Vi;

/// <summary>
/// A circuit's view of today's VIs (scoped: the layout's banner, the VI page, the book and the stock header
/// share it). It subscribes to the lossless 1h feed first, then reads today's list (ka10054), so nothing
/// between the two is missed; a live event replaces the listed one of the same trigger. Started by whoever
/// needs it first; the feed ends with the circuit.
/// </summary>
public sealed class ViWatch(IBrokerSessions broker, IViInterest interest, TimeProvider time, ILogger<ViWatch> logger) : IAsyncDisposable
{
    /// <summary>Today's events kept per circuit; KRX sees a few hundred VIs on a wild day.</summary>
    public const int MaxEvents = 1000;

    /// <summary>The codes of interest are read again at most this often, when a VI arrives for a code not among them.</summary>
    public static readonly TimeSpan InterestRefresh = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource lifetime = new();
    private readonly List<ViEvent> events = [];
    private IReadOnlySet<string> interesting = new HashSet<string>();
    private DateTimeOffset interestReadAt = DateTimeOffset.MinValue;
    private Task? starting;
    private EventFeed<ViEvent>? feed;
    private IBrokerSession? session;

    /// <summary>Raised (off the renderer) for every live 1h event, after it is in <see cref="Today"/>; the flag says whether it concerns the member.</summary>
    public event Action<ViEvent, bool>? Received;

    /// <summary>Raised (off the renderer) when the list changed (today's list loaded, an event arrived).</summary>
    public event Action? Changed;

    /// <summary>Why the VIs could not be read, in plain words; null when all is well.</summary>
    public string? Error { get; private set; }

    public bool Loaded { get; private set; }

    /// <summary>Today's events, newest first.</summary>
    public IReadOnlyList<ViEvent> Today
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    public bool Concerns(string code)
    {
        lock (gate)
        {
            return interesting.Contains(code);
        }
    }

    /// <summary>The newest event of <paramref name="code"/>, if it had a VI today.</summary>
    public ViEvent? LatestFor(string code)
    {
        lock (gate)
        {
            return events.FirstOrDefault(e => e.Code == code);
        }
    }

    /// <summary>The VI of <paramref name="code"/> whose single-price period lasts now, if any.</summary>
    public ViEvent? ActiveFor(string code) => LatestFor(code) is { } vi && ViTiming.IsActive(vi, time.GetUtcNow()) ? vi : null;

    /// <summary>Starts once per circuit; later calls wait for the same start.</summary>
    public Task StartAsync()
    {
        lock (gate)
        {
            return starting ??= StartCoreAsync(lifetime.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        if (feed is not null)
        {
            await feed.DisposeAsync();
        }

        lifetime.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        try
        {
            session = await broker.OpenAsync();
            if (session is null)
            {
                return;
            }

            var subscribed = await session.Feeds.SubscribeViAsync(ct);
            if (!subscribed.IsSuccess)
            {
                Fail(subscribed.Error.Message);
                return;
            }

            feed = subscribed.Value;
            _ = ReadAsync(feed, ct);
            await ReadInterestAsync(ct);
            await LoadTodayAsync(session, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The circuit ended while starting.
        }
    }

    private async Task LoadTodayAsync(IBrokerSession open, CancellationToken ct)
    {
        var request = new Ka10054Request
        {
            MarketType = "000", BfMkrtTp = "0", StockCode = string.Empty, MotnTp = "0", SkipStk = "000000000", TrdeQtyTp = "0", MinTrdeQty = string.Empty,
            MaxTrdeQty = string.Empty, TrdePricaTp = "0", MinTrdePrica = string.Empty, MaxTrdePrica = string.Empty, MotnDrc = "0", ExchangeType = "1",
        };
        var answer = await open.Queries.QueryAsync(request, ct);
        if (!answer.IsSuccess)
        {
            Fail(answer.Error.Message);
            return;
        }

        var listed = ViMapping.FromKa10054(answer.Value, time.GetUtcNow()).ToList();
        lock (gate)
        {
            // Live events that arrived while the list was read are newer than their listed rows.
            var live = events.Select(Key).ToHashSet();
            events.AddRange(listed.Where(e => !live.Contains(Key(e))));
            events.Sort((a, b) => ViTiming.TriggeredAt(b).CompareTo(ViTiming.TriggeredAt(a)));
            Trim();
            Loaded = true;
        }

        Changed?.Invoke();
    }

    private async Task ReadAsync(EventFeed<ViEvent> vis, CancellationToken ct)
    {
        try
        {
            await foreach (var vi in vis.Events.ReadAllAsync(ct))
            {
                lock (gate)
                {
                    events.RemoveAll(e => Key(e) == Key(vi));
                    events.Insert(0, vi);
                    Trim();
                }

                var concerns = Concerns(vi.Code);
                if (!concerns && time.GetUtcNow() - interestReadAt >= InterestRefresh)
                {
                    // A stock bought or added a moment ago: read the holdings and watchlists again before deciding.
                    await ReadInterestAsync(ct);
                    concerns = Concerns(vi.Code);
                }

                Changed?.Invoke();
                Received?.Invoke(vi, concerns);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            ViLog.FeedEnded(logger, ex.Message);
            Fail(ex.Message);
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    private async Task ReadInterestAsync(CancellationToken ct)
    {
        if (session is null)
        {
            return;
        }

        interestReadAt = time.GetUtcNow();
        try
        {
            var codes = await interest.CodesAsync(session, ct);
            lock (gate)
            {
                interesting = codes;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The alerts still list every VI; only the "concerns you" marking is missing.
            ViLog.InterestFailed(logger, ex);
        }
    }

    private void Fail(string reason)
    {
        ViLog.StartFailed(logger, reason);
        Error = reason;
        Changed?.Invoke();
    }

    /// <summary>One VI is one (code, trigger time); its release replaces its trigger.</summary>
    private static (string, TimeOnly?) Key(ViEvent e) => (e.Code, e.TriggeredAt);

    private void Trim()
    {
        if (events.Count > MaxEvents)
        {
            events.RemoveRange(MaxEvents, events.Count - MaxEvents);
        }
    }
}
