namespace Dashboard.Web.Watchlists;

/// <summary>How a watchlist operation ended; the pages turn each into a sentence in the member's language.</summary>
public enum WatchlistOutcome
{
    Ok,

    /// <summary>No such list or item, or a personal list of another member (whose existence is not revealed).</summary>
    NotFound,

    /// <summary>The member may read the list but not change it (a Viewer on a team list).</summary>
    Forbidden,

    /// <summary>A name or note that is empty or too long, or a malformed stock code.</summary>
    Invalid,

    /// <summary>The stock is already in the list.</summary>
    Duplicate,

    /// <summary>The list (or the member's number of lists) is at its limit.</summary>
    Full,

    /// <summary>Someone else changed the same value first; <see cref="WatchlistResult.Current"/> holds theirs.</summary>
    Conflict,
}
