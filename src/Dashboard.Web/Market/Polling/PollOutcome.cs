using Dashboard.Kiwoom;

namespace Dashboard.Web.Market.Polling;

/// <summary>How one scheduled refresh went; a rate-limited answer slows every screen of the member.</summary>
public enum PollOutcome
{
    Refreshed,
    RateLimited,
    Failed,
}

/// <summary>Reads a broker answer as a <see cref="PollOutcome"/>.</summary>
public static class PollOutcomes
{
    public static PollOutcome Of(KiwoomError? error) => error switch
    {
        null => PollOutcome.Refreshed,
        { Kind: KiwoomErrorKind.RateLimited } => PollOutcome.RateLimited,
        _ => PollOutcome.Failed,
    };
}
