namespace Dashboard.Web.Data;

/// <summary>
/// A named list of stocks: a member's own (private to them) when <see cref="OwnerId"/> is set, the team's
/// when it is null. <see cref="Version"/> is the list's concurrency token: every change to the list or
/// its items raises it, so two members' writes are ordered and neither is lost silently.
/// </summary>
public class Watchlist
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The member a personal list belongs to; null for a team list.</summary>
    public string? OwnerId { get; set; }

    public required string CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<WatchlistItem> Items { get; set; } = [];
}
