namespace Dashboard.Web.Alerts;

/// <summary>Alert log events, ids 5600-5699 (no member ids or account numbers: the alert id is enough to find it).</summary>
internal static partial class AlertLog
{
    [LoggerMessage(5600, LogLevel.Information, "Alert {AlertId} ({Kind} on {Code}) fired.")]
    public static partial void Fired(ILogger logger, Guid alertId, AlertKind kind, string code);

    [LoggerMessage(5601, LogLevel.Warning, "An alert evaluation loop failed; the member's alerts are not evaluated until the next reload.")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(5602, LogLevel.Warning, "Reloading a member's alerts failed.")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(5603, LogLevel.Warning, "An alert listener failed.")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);
}
