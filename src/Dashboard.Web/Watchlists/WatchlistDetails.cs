namespace Dashboard.Web.Watchlists;

/// <summary>A list with its items in manual order, as the acting member may see it.</summary>
/// <param name="Version">The list's concurrency version this snapshot was read at.</param>
public sealed record WatchlistDetails(Guid Id, string Name, bool IsTeam, bool CanEdit, int Version, IReadOnlyList<WatchlistEntry> Items);
