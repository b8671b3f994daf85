namespace Dashboard.Web.Portfolio;

/// <summary>Log messages of the portfolio tracker (event ids 4800-4899). No account numbers, keys or amounts.</summary>
internal static partial class PortfolioLog
{
    [LoggerMessage(4800, LogLevel.Warning, "Portfolio: reading {What} failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string what, string reason);

    [LoggerMessage(4801, LogLevel.Warning, "Portfolio: the {What} feed could not be opened: {Reason}")]
    public static partial void SubscribeFailed(ILogger logger, string what, string reason);

    [LoggerMessage(4802, LogLevel.Warning, "Portfolio: the balance feed fell behind and was disconnected; reloading the holdings.")]
    public static partial void BalanceOverrun(ILogger logger);

    [LoggerMessage(4803, LogLevel.Error, "Portfolio: a live loop failed.")]
    public static partial void LoopFailed(ILogger logger, Exception exception);
}
