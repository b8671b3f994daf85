namespace Dashboard.Web.Watchlists;

/// <summary>Watchlist log events, ids 4700-4799.</summary>
internal static partial class WatchlistLog
{
    [LoggerMessage(4700, LogLevel.Warning, "A watchlist change subscriber failed on {Kind} of list {ListId}.")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, WatchlistChangeKind kind, Guid listId);

    [LoggerMessage(4701, LogLevel.Warning, "Publishing {Kind} of list {ListId} failed; viewers see it on their next reload.")]
    public static partial void PublishFailed(ILogger logger, Exception exception, WatchlistChangeKind kind, Guid listId);

    [LoggerMessage(4702, LogLevel.Information, "Watchlist {ListId} changed by two members at once; retrying {Kind} on the newer version (attempt {Attempt}).")]
    public static partial void Retrying(ILogger logger, Guid listId, WatchlistChangeKind kind, int attempt);
}
