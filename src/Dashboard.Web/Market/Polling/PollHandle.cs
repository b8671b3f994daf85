namespace Dashboard.Web.Market.Polling;

/// <summary>
/// One screen's place in its member's polling schedule. Read <see cref="State"/> (and listen to
/// <see cref="Changed"/>) to show "refreshing in N s" / "throttled"; dispose it when the screen goes away:
/// a refresh that is running is cancelled and no further one starts.
/// </summary>
public sealed class PollHandle : IAsyncDisposable
{
    private readonly MemberPollLoop loop;
    private readonly CancellationTokenSource ending = new();
    private PollState state;

    internal PollHandle(MemberPollLoop loop, string screen, TimeSpan wanted, int requestsPerRefresh, Func<CancellationToken, Task<PollOutcome>> refresh, DateTimeOffset firstAt)
    {
        this.loop = loop;
        Screen = screen;
        Wanted = wanted;
        RequestsPerRefresh = requestsPerRefresh;
        Refresh = refresh;
        NextDue = firstAt;
        state = new PollState(firstAt, wanted, wanted, false, false, 1, null, null);
    }

    /// <summary>Raised (off the renderer) whenever <see cref="State"/> changes.</summary>
    public event Action<PollState>? Changed;

    public string Screen { get; }

    public PollState State => Volatile.Read(ref state);

    internal TimeSpan Wanted { get; }

    internal int RequestsPerRefresh { get; }

    internal Func<CancellationToken, Task<PollOutcome>> Refresh { get; }

    internal CancellationToken Ending => ending.Token;

    internal bool IsDisposed => ending.IsCancellationRequested;

    /// <summary>Guarded by the loop's lock.</summary>
    internal DateTimeOffset NextDue { get; set; }

    /// <summary>Guarded by the loop's lock: breaks ties between screens due at the same instant.</summary>
    internal DateTimeOffset LastRunAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// The screen refreshed by itself (the member pressed "refresh"): the countdown starts over, so the
    /// scheduled refresh does not follow right behind it.
    /// </summary>
    public void Refreshed() => loop.Postpone(this);

    public async ValueTask DisposeAsync()
    {
        if (ending.IsCancellationRequested)
        {
            return;
        }

        await ending.CancelAsync();
        loop.Remove(this);
        Changed = null;
    }

    internal void Publish(PollState next)
    {
        if (next == Volatile.Read(ref state))
        {
            return;
        }

        Volatile.Write(ref state, next);
        if (!IsDisposed)
        {
            Changed?.Invoke(next);
        }
    }
}
