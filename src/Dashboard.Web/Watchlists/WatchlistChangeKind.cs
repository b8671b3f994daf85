namespace Dashboard.Web.Watchlists;

public enum WatchlistChangeKind
{
    Created,
    Renamed,
    Deleted,
    Added,
    Removed,
    Moved,
    Annotated,
    Imported,
}
