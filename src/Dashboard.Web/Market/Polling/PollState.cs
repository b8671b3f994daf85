namespace Dashboard.Web.Market.Polling;

/// <summary>
/// What a polling screen shows about its refresh: when the next one is due, the interval it asked for
/// and the one the member's shared budget allows, and whether it is slowed down (throttled).
/// </summary>
/// <param name="NextAt">When the next refresh is due; null while one runs or after the registration ended.</param>
/// <param name="Throttled">The member's screens together want more than the budget, or Kiwoom answered "rate limited".</param>
/// <param name="Screens">How many polling screens of the member share the budget now.</param>
public sealed record PollState(
    DateTimeOffset? NextAt,
    TimeSpan Wanted,
    TimeSpan Effective,
    bool Throttled,
    bool Refreshing,
    int Screens,
    PollOutcome? LastOutcome,
    DateTimeOffset? LastRefreshedAt);
