namespace Dashboard.Web.Market.Polling;

/// <summary>Log messages of screen polling, event ids 5200-5209. Key ids are fingerprints, never the app key.</summary>
internal static partial class PollingLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Polling of key {KeyId} is throttled: {Screens} screens want {WantedPerSecond:0.##} requests/s, the budget plans {BudgetPerSecond:0.##}")]
    public static partial void Throttled(ILogger logger, string keyId, int screens, double wantedPerSecond, double budgetPerSecond);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Kiwoom rate-limited a poll of {Screen} (key {KeyId}); every screen of the key slows down")]
    public static partial void RateLimited(ILogger logger, string screen, string keyId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "The refresh of {Screen} (key {KeyId}) failed unexpectedly")]
    public static partial void RefreshCrashed(ILogger logger, Exception exception, string screen, string keyId);
}
