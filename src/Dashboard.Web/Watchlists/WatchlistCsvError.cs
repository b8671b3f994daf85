namespace Dashboard.Web.Watchlists;

/// <summary>A CSV line that was not imported, by its 1-based line number, with what it held.</summary>
public sealed record WatchlistCsvError(int Line, WatchlistCsvProblem Problem, string? Detail = null);
