namespace Dashboard.Web.Watchlists;

/// <summary>
/// That a list changed, not what it now holds: a receiver reloads the list through the service, which
/// checks that receiver's own rights, so a notification never carries data to someone who may not read it.
/// </summary>
public sealed record WatchlistChange(Guid ListId, WatchlistChangeKind Kind, int Version, string ByMemberId);
