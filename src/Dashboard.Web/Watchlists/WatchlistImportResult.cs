namespace Dashboard.Web.Watchlists;

/// <summary>What an import added, and each line it left out with the reason.</summary>
public sealed record WatchlistImportResult(WatchlistOutcome Outcome, int Added, IReadOnlyList<WatchlistCsvError> Skipped);
