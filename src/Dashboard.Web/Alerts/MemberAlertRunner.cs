using Dashboard.Web.Broker;

namespace Dashboard.Web.Alerts;

/// <summary>
/// Evaluates one member's enabled alerts against the feeds of their broker session: conflated quotes of
/// the codes the rules watch and, when a VI rule exists, the lossless 1h feed. A fired alert is written to
/// the history first and only then announced, so what the member is shown is always in the history.
/// </summary>
internal sealed class MemberAlertRunner(
    string ownerId,
    IBrokerSession session,
    AlertService alerts,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AlertEvaluator evaluator = new(time);
    private CancellationTokenSource? running;
    private List<IAsyncDisposable> feeds = [];
    private bool disposed;

    /// <summary>Raised after a firing is in the history; off the renderer.</summary>
    public event Action<AlertNotice>? Fired;

    /// <summary>Why the feeds could not be opened, if they could not (shown on the alerts page).</summary>
    public string? Problem { get; private set; }

    /// <summary>(Re)reads the member's rules and (re)opens the feeds they need.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (disposed)
            {
                return;
            }

            await StopFeedsAsync();
            evaluator.SetRules(await alerts.ActiveRulesAsync(ownerId, ct));
            running = new CancellationTokenSource();
            var lifetime = running.Token;
            Problem = null;
            if (evaluator.QuoteCodes is { Count: > 0 } codes)
            {
                var quotes = await session.Feeds.SubscribeQuotesAsync(codes, ct);
                if (quotes.IsSuccess)
                {
                    feeds.Add(quotes.Value);
                    _ = RunAsync(() => ReadQuotesAsync(quotes.Value, lifetime), lifetime);
                }
                else
                {
                    Problem = quotes.Error.Message;
                }
            }

            if (evaluator.WatchesVi)
            {
                var vi = await session.Feeds.SubscribeViAsync(ct);
                if (vi.IsSuccess)
                {
                    feeds.Add(vi.Value);
                    _ = RunAsync(() => ReadViAsync(vi.Value, lifetime), lifetime);
                }
                else
                {
                    Problem ??= vi.Error.Message;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            disposed = true;
            await StopFeedsAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ReadQuotesAsync(LiveFeed<Quote> feed, CancellationToken ct)
    {
        await foreach (var batch in feed.ReadAllAsync(ct))
        {
            foreach (var quote in batch)
            {
                await HandleAsync(() => evaluator.OnQuote(quote), ct);
            }
        }
    }

    private async Task ReadViAsync(EventFeed<Kiwoom.Realtime.ViEvent> feed, CancellationToken ct)
    {
        await foreach (var vi in feed.Events.ReadAllAsync(ct))
        {
            await HandleAsync(() => evaluator.OnVi(vi), ct);
        }
    }

    private async Task HandleAsync(Func<IReadOnlyList<AlertHit>> evaluate, CancellationToken ct)
    {
        IReadOnlyList<AlertHit> hits;

        // The quote and VI loops share one evaluator; a reload swaps its rules under the same gate.
        await gate.WaitAsync(ct);
        try
        {
            hits = evaluate();
        }
        finally
        {
            gate.Release();
        }

        foreach (var hit in hits)
        {
            if (await alerts.RecordAsync(ownerId, hit, ct) is { } notice)
            {
                AlertLog.Fired(logger, hit.Rule.Id, hit.Rule.Kind, hit.Rule.Code);
                Fired?.Invoke(notice);
            }
        }
    }

    private async Task RunAsync(Func<Task> loop, CancellationToken lifetime)
    {
        try
        {
            await loop();
        }
        catch (Exception) when (lifetime.IsCancellationRequested)
        {
            // Reloaded or stopped: the loop's end is expected.
        }
        catch (Exception ex)
        {
            Problem = ex.Message;
            AlertLog.LoopFailed(logger, ex);
        }
    }

    private async Task StopFeedsAsync()
    {
        if (running is not null)
        {
            await running.CancelAsync();
            running.Dispose();
            running = null;
        }

        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }

        feeds = [];
    }
}
