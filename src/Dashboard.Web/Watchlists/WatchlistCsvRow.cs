namespace Dashboard.Web.Watchlists;

/// <summary>A valid CSV line: a stock code and its optional note.</summary>
public sealed record WatchlistCsvRow(int Line, string Code, string? Note);
