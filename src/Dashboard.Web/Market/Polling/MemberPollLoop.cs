namespace Dashboard.Web.Market.Polling;

/// <summary>
/// The polling plan of one app key: runs one due refresh at a time, earliest due first, paced so polls
/// stay within <c>budgetPerSecond</c>. When the screens together want more, every interval is stretched
/// by the same factor, so all of them slow down together and none starves.
/// </summary>
internal sealed class MemberPollLoop
{
    private readonly List<PollHandle> handles = [];
    private readonly Lock gate = new();
    private readonly double budgetPerSecond;
    private readonly PollingOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Action<MemberPollLoop> ended;
    private TaskCompletionSource wake = NewSignal();
    private DateTimeOffset nextAllowed = DateTimeOffset.MinValue;
    private DateTimeOffset slowedUntil = DateTimeOffset.MinValue;
    private bool running;
    private bool closed;
    private bool wasThrottled;
    private long parks;
    private DateTimeOffset? parkedUntil;

    public MemberPollLoop(string keyId, double budgetPerSecond, PollingOptions options, TimeProvider time, ILogger logger, Action<MemberPollLoop> ended)
    {
        KeyId = keyId;
        this.budgetPerSecond = budgetPerSecond;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.ended = ended;
    }

    public string KeyId { get; }

    /// <summary>For tests: how often the loop has gone to wait, and until when it waits now (null while it works or has ended).</summary>
    internal (long Parks, DateTimeOffset? Until) Parked
    {
        get
        {
            lock (gate)
            {
                return (parks, parkedUntil);
            }
        }
    }

    /// <summary>Adds a screen; null when this loop has already ended (the caller takes a fresh one).</summary>
    public PollHandle? TryAdd(string screen, TimeSpan every, int requestsPerRefresh, Func<CancellationToken, Task<PollOutcome>> refresh)
    {
        PollHandle handle;
        lock (gate)
        {
            if (closed)
            {
                return null;
            }

            var now = time.GetUtcNow();
            handle = new PollHandle(this, screen, every, requestsPerRefresh, refresh, now + every);
            handles.Add(handle);
            Replan(now);
            if (!running)
            {
                running = true;
                _ = Task.Run(RunAsync);
            }
        }

        Wake();
        return handle;
    }

    public void Remove(PollHandle handle)
    {
        lock (gate)
        {
            handles.Remove(handle);
            Replan(time.GetUtcNow());
        }

        Wake();
    }

    public void Postpone(PollHandle handle)
    {
        lock (gate)
        {
            if (handles.Contains(handle))
            {
                handle.NextDue = time.GetUtcNow() + handle.State.Effective;
                Replan(time.GetUtcNow());
            }
        }

        Wake();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            PollHandle? due = null;
            Task woken;
            (Task Delay, CancellationTokenSource Stop)? park = null;
            lock (gate)
            {
                if (handles.Count == 0)
                {
                    // Closed under the lock: a screen registering right now is either already in the list
                    // (and served) or told to take a fresh loop.
                    closed = true;
                    running = false;
                    parkedUntil = null;
                    ended(this);
                    return;
                }

                var now = time.GetUtcNow();
                var next = handles.OrderBy(h => h.NextDue).ThenBy(h => h.LastRunAt).First();
                var at = Max(next.NextDue, nextAllowed);
                if (at <= now)
                {
                    due = next;
                }
                else
                {
                    // The timer starts from the same "now" the wait was measured from, before the park is
                    // visible: a clock that moves in between (a test's fake clock advanced to parkedUntil the
                    // moment it is published) would otherwise leave the timer a whole wait behind.
                    var stop = new CancellationTokenSource();
                    park = (Task.Delay(at - now, time, stop.Token), stop);
                    parks++;
                    parkedUntil = at;
                }

                woken = wake.Task;
            }

            if (park is { } parked)
            {
                await WaitAsync(parked.Delay, woken, parked.Stop);
                continue;
            }

            await RunOneAsync(due!);
        }
    }

    private async Task RunOneAsync(PollHandle handle)
    {
        var started = time.GetUtcNow();
        lock (gate)
        {
            if (!handles.Contains(handle))
            {
                return;
            }

            handle.LastRunAt = started;

            // Pacing: the next poll of this key waits for the budget this one spends, whoever's it is.
            nextAllowed = started + TimeSpan.FromSeconds(handle.RequestsPerRefresh / budgetPerSecond * Slowdown(started));
            handle.Publish(handle.State with { NextAt = null, Refreshing = true });
        }

        PollOutcome outcome;
        try
        {
            outcome = await handle.Refresh(handle.Ending);
        }
        catch (OperationCanceledException) when (handle.IsDisposed)
        {
            return;
        }
        catch (Exception ex)
        {
            PollingLog.RefreshCrashed(logger, ex, handle.Screen, KeyId);
            outcome = PollOutcome.Failed;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (outcome == PollOutcome.RateLimited)
            {
                slowedUntil = now + options.RateLimitedFor;
                PollingLog.RateLimited(logger, handle.Screen, KeyId);
            }

            if (handles.Contains(handle))
            {
                handle.NextDue = started + Stretch(handle, now);
                handle.Publish(handle.State with { Refreshing = false, LastOutcome = outcome, LastRefreshedAt = now });
            }

            Replan(now);
        }
    }

    /// <summary>Gives every screen its stretched interval and throttled flag; call under the lock.</summary>
    private void Replan(DateTimeOffset now)
    {
        var wanted = handles.Sum(h => h.RequestsPerRefresh / h.Wanted.TotalSeconds);
        var throttled = wanted > budgetPerSecond * 1.0001 || now < slowedUntil;
        if (throttled && !wasThrottled)
        {
            PollingLog.Throttled(logger, KeyId, handles.Count, wanted, budgetPerSecond);
        }

        wasThrottled = throttled;
        foreach (var handle in handles)
        {
            var effective = Stretch(handle, now);
            handle.Publish(handle.State with
            {
                NextAt = handle.State.Refreshing ? null : Max(handle.NextDue, nextAllowed),
                Effective = effective,
                Throttled = throttled,
                Screens = handles.Count,
            });
        }
    }

    private TimeSpan Stretch(PollHandle handle, DateTimeOffset now)
    {
        var wanted = handles.Sum(h => h.RequestsPerRefresh / h.Wanted.TotalSeconds);
        var factor = Math.Max(1.0, wanted / budgetPerSecond) * Slowdown(now);
        return TimeSpan.FromSeconds(handle.Wanted.TotalSeconds * factor);
    }

    private double Slowdown(DateTimeOffset now) => now < slowedUntil ? options.RateLimitedSlowdown : 1.0;

    private async Task WaitAsync(Task delay, Task woken, CancellationTokenSource stopDelay)
    {
        using var stop = stopDelay;
        await Task.WhenAny(delay, woken);
        await stop.CancelAsync();
        lock (gate)
        {
            parkedUntil = null;
        }
    }

    private void Wake()
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            signal = wake;
            wake = NewSignal();
        }

        signal.TrySetResult();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
