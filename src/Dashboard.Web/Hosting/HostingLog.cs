namespace Dashboard.Web.Hosting;

/// <summary>The host's own log lines (5020-5029).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(5020, LogLevel.Information, "Shutdown: broker sessions closed and Kiwoom tokens revoked in {ElapsedMs} ms.")]
    public static partial void ShutdownCleanedUp(ILogger logger, long elapsedMs);

    [LoggerMessage(5021, LogLevel.Warning, "Shutdown: closing sessions and revoking tokens took longer than {BudgetSeconds} s; the rest is skipped so the process can exit.")]
    public static partial void ShutdownBudgetSpent(ILogger logger, long budgetSeconds);

    [LoggerMessage(5022, LogLevel.Warning, "Configuration key {OldKey} is read as {NewKey}, its new name; rename it (the simulated market's own settings stay under \"Simulator\").")]
    public static partial void OldSimulatorKey(ILogger logger, string oldKey, string newKey);
}
