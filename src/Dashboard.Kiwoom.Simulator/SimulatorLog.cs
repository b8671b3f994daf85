using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Simulator;

/// <summary>Simulator log events (ids 7000-7099). Never logs keys, tokens or full account numbers.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(7000, LogLevel.Information, "Kiwoom simulator mapped at '{Prefix}' with seed {Seed}, {Instruments} instruments")]
    public static partial void Mapped(ILogger logger, string prefix, int seed, int instruments);

    [LoggerMessage(7001, LogLevel.Debug, "Token issued for key {KeyFingerprint}, account {Account}")]
    public static partial void TokenIssued(ILogger logger, string keyFingerprint, string account);

    [LoggerMessage(7002, LogLevel.Debug, "REST {ApiId} answered return_code {ReturnCode}")]
    public static partial void RestAnswered(ILogger logger, string apiId, int returnCode);

    [LoggerMessage(7003, LogLevel.Warning, "REST {ApiId} failed unexpectedly")]
    public static partial void RestFailed(ILogger logger, Exception exception, string apiId);

    [LoggerMessage(7010, LogLevel.Debug, "WebSocket session {Session} opened")]
    public static partial void SocketOpened(ILogger logger, long session);

    [LoggerMessage(7011, LogLevel.Debug, "WebSocket session {Session} closed: {Reason}")]
    public static partial void SocketClosed(ILogger logger, long session, string reason);

    [LoggerMessage(7012, LogLevel.Warning, "WebSocket session {Session} failed")]
    public static partial void SocketFailed(ILogger logger, Exception exception, long session);

    [LoggerMessage(7020, LogLevel.Information, "Order {OrderNumber} {Status} for account {Account}")]
    public static partial void OrderEvent(ILogger logger, string orderNumber, string status, string account);

    [LoggerMessage(7030, LogLevel.Warning, "Control request from non-loopback address refused")]
    public static partial void ControlRefused(ILogger logger);

    [LoggerMessage(7031, LogLevel.Information, "Control: {Action}")]
    public static partial void ControlAction(ILogger logger, string action);

    [LoggerMessage(7032, LogLevel.Warning, "Simulator request from non-loopback address refused (SimulatorHosting:AllowRemote is off)")]
    public static partial void RemoteRefused(ILogger logger);
}
