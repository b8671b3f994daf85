namespace Dashboard.Web.Components.Watchlists;

/// <summary>The live columns a member can show beside each stock.</summary>
public enum WatchlistColumn
{
    Price,
    Change,
    Rate,
    Volume,
}
