namespace Dashboard.Web.Watchlists;

/// <summary>Every valid line of a CSV file, and every other line with the reason it was left out.</summary>
public sealed record WatchlistCsvParse(IReadOnlyList<WatchlistCsvRow> Rows, IReadOnlyList<WatchlistCsvError> Errors);
