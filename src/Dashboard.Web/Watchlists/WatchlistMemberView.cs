namespace Dashboard.Web.Watchlists;

/// <summary>How one member views one list: the columns they chose, and whether it is the list on their home screen.</summary>
public sealed class WatchlistMemberView
{
    public required string OwnerId { get; set; }

    public Guid WatchlistId { get; set; }

    /// <summary>Column names, comma-separated, in the order shown (names of the page's column enum).</summary>
    public string Columns { get; set; } = string.Empty;

    public bool OnHome { get; set; }
}
