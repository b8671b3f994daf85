namespace Dashboard.Web.Vi;

/// <summary>VI alerts log in 4960-4969.</summary>
internal static partial class ViLog
{
    [LoggerMessage(4960, LogLevel.Warning, "VI alerts could not read the member's holdings: {Reason}")]
    public static partial void HoldingsUnreadable(ILogger logger, string reason);

    [LoggerMessage(4961, LogLevel.Warning, "VI alerts could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason);

    [LoggerMessage(4962, LogLevel.Warning, "The VI feed of a circuit ended: {Reason}")]
    public static partial void FeedEnded(ILogger logger, string reason);

    [LoggerMessage(4963, LogLevel.Warning, "VI alerts could not read the member's codes of interest.")]
    public static partial void InterestFailed(ILogger logger, Exception exception);

    [LoggerMessage(4964, LogLevel.Warning, "The KOSPI200 members (for the dynamic VI band) could not be read: {Reason}")]
    public static partial void Kospi200Unreadable(ILogger logger, string reason);
}
