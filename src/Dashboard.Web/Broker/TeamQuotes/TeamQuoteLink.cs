using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker.TeamQuotes;

/// <summary>How one session's quote feeds reach the team's shared registrations of its market.</summary>
/// <param name="OnTick">Called for every shared event delivered to this session's feeds, so its own freshness (the stale marker) sees them.</param>
internal sealed record TeamQuoteLink(TeamQuoteSources Sources, TeamQuoteMarket Market, Action<RealtimeEvent> OnTick);
