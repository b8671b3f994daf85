namespace Dashboard.Web.Data;

/// <summary>
/// One stock in a watchlist with its provenance: who added it (kept by name too, so the line still says
/// who after that member is removed), when, and why.
/// </summary>
public class WatchlistItem
{
    public Guid Id { get; set; }

    public Guid WatchlistId { get; set; }

    public required string Code { get; set; }

    /// <summary>The member's reason for watching it ("why"), if they gave one.</summary>
    public string? Note { get; set; }

    /// <summary>Manual order within the list, 0 first.</summary>
    public int Position { get; set; }

    public string? AddedById { get; set; }

    public required string AddedByName { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
