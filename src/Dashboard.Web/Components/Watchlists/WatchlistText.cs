namespace Dashboard.Web.Components.Watchlists;

/// <summary>Marker for the watchlist screens' UI strings (WatchlistText.resx is Korean, WatchlistText.en.resx English).</summary>
public sealed class WatchlistText;
