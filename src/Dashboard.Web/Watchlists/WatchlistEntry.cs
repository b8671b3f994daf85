namespace Dashboard.Web.Watchlists;

/// <summary>One stock in a list with its provenance: who added it, when, and why.</summary>
public sealed record WatchlistEntry(Guid Id, string Code, string? Note, int Position, string AddedBy, DateTimeOffset AddedAt);
