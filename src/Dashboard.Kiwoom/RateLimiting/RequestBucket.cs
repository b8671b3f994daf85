namespace Dashboard.Kiwoom.RateLimiting;

/// <summary>
/// A token bucket of <c>limit</c> tokens where a spent token returns one window after it was spent.
/// Unlike a bucket refilled at a steady rate, this never grants more than <c>limit</c> requests in
/// any window, which is how the server counts (observed "유량=5" per second), while still letting a
/// burst of <c>limit</c> go out at once. A pause (after 1700 or HTTP 429) holds every grant back.
/// </summary>
internal sealed class RequestBucket
{
    private readonly TimeProvider time;
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly Queue<DateTimeOffset> granted;
    private readonly object sync = new();

    // Waiters queue here one at a time, so a hundred callers do not all wake at every free slot.
    private readonly SemaphoreSlim turn = new(1, 1);
    private DateTimeOffset pausedUntil;
    private int consecutiveLimits;

    public RequestBucket(TimeProvider time, int limit, TimeSpan window)
    {
        this.time = time;
        this.limit = limit;
        this.window = window;
        granted = new Queue<DateTimeOffset>(limit);
    }

    public int Limit => limit;

    /// <summary>Waits for a token; returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(CancellationToken ct = default)
    {
        var started = time.GetUtcNow();
        await turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = TryTake();
                if (wait <= TimeSpan.Zero)
                {
                    return time.GetUtcNow() - started;
                }

                await Task.Delay(wait, time, ct).ConfigureAwait(false);
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

    private TimeSpan TryTake()
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            if (now < pausedUntil)
            {
                return pausedUntil - now;
            }

            while (granted.Count > 0 && granted.Peek() + window <= now)
            {
                granted.Dequeue();
            }

            if (granted.Count < limit)
            {
                granted.Enqueue(now);
                return TimeSpan.Zero;
            }

            return granted.Peek() + window - now;
        }
    }
}
