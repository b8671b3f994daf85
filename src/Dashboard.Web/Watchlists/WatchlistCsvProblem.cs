namespace Dashboard.Web.Watchlists;

/// <summary>Why a CSV line was not imported.</summary>
public enum WatchlistCsvProblem
{
    /// <summary>Not a six-character KRX code.</summary>
    InvalidCode,

    NoteTooLong,

    /// <summary>More than two fields: a note with a comma must be quoted.</summary>
    TooManyFields,

    /// <summary>The same code appeared on an earlier line (its number is the detail).</summary>
    DuplicateLine,

    /// <summary>A quoted field was never closed; nothing after it could be read.</summary>
    UnclosedQuote,

    /// <summary>The file has more lines than an import takes.</summary>
    TooManyLines,

    /// <summary>The stock is already in the list (kept as it was).</summary>
    AlreadyListed,

    /// <summary>The list reached its limit before this line.</summary>
    ListFull,
}
