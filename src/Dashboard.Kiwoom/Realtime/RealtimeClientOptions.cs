namespace Dashboard.Kiwoom.Realtime;

/// <summary>Timing and sizing of <see cref="KiwoomRealtimeClient"/>; every bound is configurable.</summary>
public sealed record RealtimeClientOptions
{
    /// <summary>First reconnect backoff ceiling; it doubles per failed attempt (full jitter below it).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Floor under every reconnect delay so attempts never exceed one per this interval.</summary>
    public TimeSpan MinReconnectInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A connection that lasted this long resets the backoff to its start.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a REG/REMOVE/condition-search request waits for its answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No message at all (not even PING) for this long forces a reconnect.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// No REAL for this long while market-data registrations exist forces a reconnect (the server
    /// answers PING but stopped pushing). Order, balance, VI and notice registrations alone never
    /// trigger it: they push only when something happens. Null disables it, e.g. for illiquid items
    /// outside market hours.
    /// </summary>
    public TimeSpan? RealDataTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A token closer than this to its expiry is re-issued before LOGIN.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Items per REG group (and so per REG message); Kiwoom's limit is undocumented.</summary>
    public int MaxItemsPerGroup { get; init; } = 100;

    /// <summary>Queue length per subscription for quote types; the oldest event is dropped when full.</summary>
    public int SubscriberCapacity { get; init; } = 1024;

    /// <summary>A message larger than this ends the connection as a protocol violation.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Continuation pages a one-shot condition search may follow.</summary>
    public int MaxSearchPages { get; init; } = 100;

    internal void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(RealtimeClientOptions), problem);
        }
    }

    /// <summary>What is wrong with these options, or null when they are usable.</summary>
    internal string? Problem()
    {
        TimeSpan?[] positive = [InitialBackoff, MinReconnectInterval, ConnectTimeout, LoginTimeout, RequestTimeout, SilenceTimeout, RealDataTimeout];
        if (positive.Any(t => t <= TimeSpan.Zero))
        {
            return "Backoffs, timeouts and silence bounds must be positive.";
        }

        if (MaxBackoff < InitialBackoff)
        {
            return "MaxBackoff must not be below InitialBackoff.";
        }

        return MaxItemsPerGroup < 1 || SubscriberCapacity < 1 || MaxMessageBytes < 1024 || MaxSearchPages < 1
            ? "Sizes must be positive (MaxMessageBytes at least 1024)."
            : null;
    }
}
