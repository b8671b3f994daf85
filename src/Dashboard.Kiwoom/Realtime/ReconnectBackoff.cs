namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits a uniform time below
/// min(max, initial·2ⁿ), but never less than the minimum interval, so a flapping server can never
/// cause more than one attempt per interval.
/// </summary>
internal sealed class ReconnectBackoff(RealtimeClientOptions options, Func<double> random)
{
    public TimeSpan Ceiling(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 30));
        var ceiling = options.InitialBackoff.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(ceiling, options.MaxBackoff.TotalMilliseconds));
    }

    public TimeSpan Delay(int attempt)
    {
        var jittered = TimeSpan.FromMilliseconds(Ceiling(attempt).TotalMilliseconds * random());
        return jittered < options.MinReconnectInterval ? options.MinReconnectInterval : jittered;
    }
}
