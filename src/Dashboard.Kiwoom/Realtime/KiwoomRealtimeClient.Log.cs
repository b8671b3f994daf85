using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Realtime;

// Event ids 4000-4099 belong to the realtime client. Never log tokens, keys or account numbers.
public sealed partial class KiwoomRealtimeClient
{
    [LoggerMessage(4000, LogLevel.Debug, "Realtime connecting to {Host} ({Environment})")]
    private static partial void LogConnecting(ILogger logger, string host, KiwoomEnvironment environment);

    [LoggerMessage(4001, LogLevel.Information, "Realtime connected to {Host}")]
    private static partial void LogConnected(ILogger logger, string host);

    [LoggerMessage(4002, LogLevel.Warning, "Realtime LOGIN refused: return_code {ReturnCode}, code {DetailCode}: {Message}")]
    private static partial void LogLoginRefused(ILogger logger, int returnCode, string detailCode, string message);

    [LoggerMessage(4003, LogLevel.Warning, "Realtime connection lost ({Reason}); reconnecting in {DelayMs:0} ms")]
    private static partial void LogReconnecting(ILogger logger, string reason, double delayMs);

    [LoggerMessage(4004, LogLevel.Warning, "Realtime session replaced (R10001): {Message}. Not reconnecting until asked.")]
    private static partial void LogReplaced(ILogger logger, string message);

    [LoggerMessage(4005, LogLevel.Error, "Realtime connection failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(4006, LogLevel.Warning, "Realtime socket silent ({What} for {Seconds:0.#} s); forcing a reconnect")]
    private static partial void LogSilent(ILogger logger, string what, double seconds);

    [LoggerMessage(4007, LogLevel.Warning, "Realtime message problem ({Length} bytes): {Problem}")]
    private static partial void LogBadMessage(ILogger logger, string problem, int length);

    [LoggerMessage(4008, LogLevel.Warning, "Realtime SYSTEM {Code}: {Message}")]
    private static partial void LogSystem(ILogger logger, string code, string message);

    [LoggerMessage(4009, LogLevel.Warning, "Realtime registration of {Type} {Item} failed: {Message}")]
    private static partial void LogRegisterRefused(ILogger logger, string type, string item, string message);

    [LoggerMessage(4010, LogLevel.Warning, "Realtime removal of {Type} {Item} failed: {Message}")]
    private static partial void LogRemoveFailed(ILogger logger, string type, string item, string message);

    [LoggerMessage(4011, LogLevel.Warning, "Realtime answer {Trnm} arrived while no request waited for it")]
    private static partial void LogUnexpectedAnswer(ILogger logger, string trnm);

    [LoggerMessage(4012, LogLevel.Error, "A realtime StateChanged handler threw")]
    private static partial void LogStateHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(4013, LogLevel.Critical, "The realtime connection loop crashed")]
    private static partial void LogCrashed(ILogger logger, Exception exception);
}
