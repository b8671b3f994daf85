namespace Dashboard.Web.Watchlists;

/// <summary>The outcome of a change; on <see cref="WatchlistOutcome.Conflict"/> <paramref name="Current"/> is the value someone else saved.</summary>
/// <param name="Id">The list or item created.</param>
public sealed record WatchlistResult(WatchlistOutcome Outcome, Guid? Id = null, string? Current = null)
{
    public static WatchlistResult Ok(Guid? id = null) => new(WatchlistOutcome.Ok, id);

    public static WatchlistResult Of(WatchlistOutcome outcome) => new(outcome);

    public bool Succeeded => Outcome == WatchlistOutcome.Ok;
}
