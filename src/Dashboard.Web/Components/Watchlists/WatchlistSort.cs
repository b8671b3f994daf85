namespace Dashboard.Web.Components.Watchlists;

/// <summary>How the rows are ordered: the list's own order, or by a value.</summary>
public enum WatchlistSort
{
    Manual,
    Name,
    Price,
    Change,
    Rate,
    Volume,
}
