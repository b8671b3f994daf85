namespace Dashboard.Web.Watchlists;

/// <summary>A list as the index page shows it.</summary>
public sealed record WatchlistSummary(Guid Id, string Name, bool IsTeam, int Count, bool CanEdit, DateTimeOffset UpdatedAt);
