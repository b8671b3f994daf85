namespace Dashboard.Web.Watchlists;

/// <summary>
/// Tells every member viewing a list that it changed. In-process for one instance
/// (<see cref="InProcessWatchlistChanges"/>); several instances need a shared bus (Redis) behind the same contract.
/// </summary>
public interface IWatchlistChanges
{
    /// <summary>Delivers <paramref name="change"/> to the subscribers of its list and of all lists; never waits for them.</summary>
    ValueTask PublishAsync(WatchlistChange change, CancellationToken ct = default);

    /// <summary>
    /// Calls <paramref name="onChange"/> for each change of list <paramref name="listId"/> (of every list when null),
    /// one call at a time, until the returned handle is disposed. A slow subscriber may miss intermediate
    /// changes but always gets the latest, which is enough for a receiver that reloads.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(Guid? listId, Func<WatchlistChange, CancellationToken, Task> onChange, CancellationToken ct = default);
}
