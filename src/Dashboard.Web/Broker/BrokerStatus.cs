namespace Dashboard.Web.Broker;

/// <summary>A session's state as the UI shows it.</summary>
/// <param name="Message">For Failed/Replaced/Reconnecting: Kiwoom's message (or the transport's reason).</param>
/// <param name="Code">Kiwoom's detailed code when there is one (e.g. "R10001", "8005").</param>
/// <param name="LastTickAt">When the last realtime event arrived on this session, if any.</param>
/// <param name="Subscribed">Whether a quote type (not only fills, balances or VI) is subscribed; only then can silence mean stale data.</param>
public sealed record BrokerStatus(
    BrokerLinkState State,
    string? Message,
    string? Code,
    DateTimeOffset? LastTickAt,
    bool Subscribed,
    DateTimeOffset At)
{
    public static BrokerStatus Unavailable(BrokerLinkState state, DateTimeOffset at) => new(state, null, null, null, false, at);

    /// <summary>Connected and subscribed, but no tick for longer than <paramref name="staleAfter"/>.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan staleAfter) =>
        State == BrokerLinkState.Connected && Subscribed && (LastTickAt is null ? now - At > staleAfter : now - LastTickAt.Value > staleAfter);
}
