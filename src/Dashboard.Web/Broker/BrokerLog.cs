namespace Dashboard.Web.Broker;

/// <summary>Log messages of the broker sessions (event ids 4100-4199). Keys appear only as fingerprints.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(4100, LogLevel.Information, "Opened a broker session for key {KeyId} ({Environment}).")]
    public static partial void SessionOpened(ILogger logger, string keyId, Dashboard.Kiwoom.KiwoomEnvironment environment);

    [LoggerMessage(4101, LogLevel.Information, "Closed the broker session for key {KeyId} after its grace period.")]
    public static partial void SessionClosed(ILogger logger, string keyId);

    [LoggerMessage(4102, LogLevel.Information, "Broker session {KeyId} is {State}: {Message}")]
    public static partial void StateChanged(ILogger logger, string keyId, BrokerLinkState state, string message);

    [LoggerMessage(4103, LogLevel.Warning, "Broker session {KeyId} could not re-read {What} after a reconnect: {Reason}")]
    public static partial void ReconcileFailed(ILogger logger, string keyId, string what, string reason);

    [LoggerMessage(4104, LogLevel.Information, "Broker session {KeyId} reconnected; re-read {Quotes} quotes and {Indices} indices.")]
    public static partial void Reconciled(ILogger logger, string keyId, int quotes, int indices);

    [LoggerMessage(4105, LogLevel.Warning, "Refused to join broker session {KeyId}: another member's connection uses the same app key with a different secret.")]
    public static partial void KeyConflict(ILogger logger, string keyId);

    [LoggerMessage(4106, LogLevel.Warning, "Broker session {KeyId}: the realtime connection did not start: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string keyId, string reason);

    [LoggerMessage(4107, LogLevel.Error, "A live render failed.")]
    public static partial void RenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(4108, LogLevel.Error, "A live feed of {Component} failed.")]
    public static partial void FeedFailed(ILogger logger, Exception exception, string component);

    [LoggerMessage(4109, LogLevel.Error, "Closing the broker session for key {KeyId} failed.")]
    public static partial void CloseFailed(ILogger logger, Exception exception, string keyId);

    [LoggerMessage(4110, LogLevel.Warning, "A live feed of {Component} fell behind and was disconnected: {Reason}")]
    public static partial void FeedOverrun(ILogger logger, string component, string reason);

    [LoggerMessage(5030, LogLevel.Warning, "Broker session {KeyId} is live, but its connection could not be marked verified.")]
    public static partial void MarkVerifiedFailed(ILogger logger, Exception exception, string keyId);
}
