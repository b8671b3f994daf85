namespace Dashboard.Kiwoom.RateLimiting;

/// <summary>
/// A token bucket of <c>limit</c> tokens where a token returns one window after the answer to the
/// request that spent it arrived. Counting from the answer rather than from the send means network
/// jitter can never squeeze more than <c>limit</c> arrivals into one window at the server (how Kiwoom
/// counts, observed "유량=5" per second), while a burst of <c>limit</c> still goes out at once.
/// A pause (after 1700 or HTTP 429) holds every grant back.
/// </summary>
internal sealed class RequestBucket
{
    private readonly TimeProvider time;
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly Queue<DateTimeOffset> returning;
    private readonly object sync = new();

    // Waiters queue here one at a time, so a hundred callers do not all wake at every free slot.
    private readonly SemaphoreSlim turn = new(1, 1);
    private TaskCompletionSource answered = NewSignal();
    private int inFlight;
    private DateTimeOffset pausedUntil;
    private int consecutiveLimits;

    public RequestBucket(TimeProvider time, int limit, TimeSpan window)
    {
        this.time = time;
        this.limit = limit;
        this.window = window;
        returning = new Queue<DateTimeOffset>(limit);
    }

    public int Limit => limit;

    /// <summary>Waits for a token; dispose the lease when the answer (or the failure) is in.</summary>
    public async ValueTask<RateLease> AcquireAsync(CancellationToken ct = default)
    {
        var started = time.GetUtcNow();
        await turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var (wait, signal) = TryTake();
                if (signal is not null)
                {
                    await signal.WaitAsync(ct).ConfigureAwait(false);
                }
                else if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                }
                else
                {
                    return new RateLease(this, time.GetUtcNow() - started);
                }
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Holds every grant back, growing with each consecutive call; returns the pause applied.</summary>
    public TimeSpan Pause(TimeSpan first, TimeSpan max, TimeSpan? serverHint = null)
    {
        lock (sync)
        {
            consecutiveLimits++;
            var exponent = Math.Min(consecutiveLimits - 1, 16);
            var pause = TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << exponent), max.Ticks));
            if (serverHint is { } hint && hint > pause)
            {
                pause = hint < max ? hint : max;
            }

            var until = time.GetUtcNow() + pause;
            if (until > pausedUntil)
            {
                pausedUntil = until;
            }

            return pause;
        }
    }

    /// <summary>An answer that was not a rate limit: the next limit starts the pause from the beginning.</summary>
    public void ResetPause()
    {
        lock (sync)
        {
            consecutiveLimits = 0;
        }
    }

    /// <summary>The request of a lease got its answer: its token starts its way back.</summary>
    internal void Return()
    {
        TaskCompletionSource signal;
        lock (sync)
        {
            inFlight--;
            returning.Enqueue(time.GetUtcNow());
            signal = answered;
            answered = NewSignal();
        }

        signal.TrySetResult();
    }

    private (TimeSpan Wait, Task? Signal) TryTake()
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            if (now < pausedUntil)
            {
                return (pausedUntil - now, null);
            }

            while (returning.Count > 0 && returning.Peek() + window <= now)
            {
                returning.Dequeue();
            }

            if (inFlight + returning.Count < limit)
            {
                inFlight++;
                return (TimeSpan.Zero, null);
            }

            // Every token is either on its way back (the oldest returns first) or still out with a
            // request that has no answer yet (then only its answer can start the way back).
            return returning.Count > 0 ? (returning.Peek() + window - now, null) : (TimeSpan.Zero, answered.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
