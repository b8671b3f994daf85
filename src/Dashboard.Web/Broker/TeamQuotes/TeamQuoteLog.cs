namespace Dashboard.Web.Broker.TeamQuotes;

/// <summary>Log messages of the shared team quote feed (event ids 5080-5099). Keys appear only as fingerprints.</summary>
internal static partial class TeamQuoteLog
{
    [LoggerMessage(5080, LogLevel.Information, "Team quotes of {Environment} now come from session {KeyId}.")]
    public static partial void SourceChosen(ILogger logger, Dashboard.Kiwoom.KiwoomEnvironment environment, string keyId);

    [LoggerMessage(5081, LogLevel.Information, "Team quotes of {Environment} moved from session {From} to {To} ({Count} subscriptions).")]
    public static partial void SourceMoved(ILogger logger, Dashboard.Kiwoom.KiwoomEnvironment environment, string from, string to, int count);

    [LoggerMessage(5082, LogLevel.Warning, "Team quotes of {Environment}: no session of that market is left; {Count} feeds ended.")]
    public static partial void NoSourceLeft(ILogger logger, Dashboard.Kiwoom.KiwoomEnvironment environment, int count);

    [LoggerMessage(5083, LogLevel.Warning, "Team quote {Type} {Item} could not move to session {KeyId}: {Reason}")]
    public static partial void MoveFailed(ILogger logger, string type, string item, string keyId, string reason);

    [LoggerMessage(5084, LogLevel.Warning, "Team quotes of {Environment} could not move off session {KeyId}; {Count} feeds ended and their pages say so: {Reason}")]
    public static partial void FeedsEnded(ILogger logger, Dashboard.Kiwoom.KiwoomEnvironment environment, string keyId, int count, string reason);
}
