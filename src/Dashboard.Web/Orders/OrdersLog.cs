using Dashboard.Kiwoom;

namespace Dashboard.Web.Orders;

/// <summary>Log messages of the order service (event ids 4600-4699). Never an app key, token or full account number.</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(4600, LogLevel.Debug, "Audit row {Sequence} ({Kind}) for intent {IntentId}.")]
    public static partial void Audited(ILogger logger, long sequence, OrderAuditKind kind, Guid? intentId);

    [LoggerMessage(4601, LogLevel.Information, "Order intent {IntentId} ({Action} {StockCode}) sent to the broker.")]
    public static partial void Sending(ILogger logger, Guid intentId, OrderAction action, string stockCode);

    [LoggerMessage(4602, LogLevel.Information, "Order intent {IntentId} accepted as order {OrderNumber}.")]
    public static partial void Accepted(ILogger logger, Guid intentId, string? orderNumber);

    [LoggerMessage(4603, LogLevel.Warning, "Order intent {IntentId} was refused by the broker: {Error}")]
    public static partial void BrokerRejected(ILogger logger, Guid intentId, KiwoomError error);

    [LoggerMessage(4604, LogLevel.Warning, "Order intent {IntentId} has an unknown outcome ({Error}); it will be reconciled, not resent.")]
    public static partial void UnknownOutcome(ILogger logger, Guid intentId, KiwoomError error);

    [LoggerMessage(4605, LogLevel.Information, "Order intent {IntentId} refused before the broker: {Code}.")]
    public static partial void Refused(ILogger logger, Guid intentId, string code);

    [LoggerMessage(4606, LogLevel.Information, "Reconciled intent {IntentId}: {Outcome}.")]
    public static partial void Reconciled(ILogger logger, Guid intentId, string outcome);

    [LoggerMessage(4607, LogLevel.Warning, "Reconciliation of intent {IntentId} could not query the broker: {Error}")]
    public static partial void ReconcileFailed(ILogger logger, Guid intentId, KiwoomError error);

    [LoggerMessage(4621, LogLevel.Warning, "Reconciling intent {IntentId}: {ApiId} runs to {Pages} pages or more; its outcome stays unknown rather than judged from part of the list")]
    public static partial void ListTooLong(ILogger logger, Guid intentId, string apiId, int pages);

    [LoggerMessage(4622, LogLevel.Warning, "Reading open orders back: {ApiId} runs to {Pages} pages or more; nothing is judged from part of the list this time")]
    public static partial void OpenOrdersListTooLong(ILogger logger, string apiId, int pages);

    [LoggerMessage(4608, LogLevel.Warning, "Order events of connection {ConnectionId} ended: {Reason}")]
    public static partial void EventsEnded(ILogger logger, Guid connectionId, string reason);

    [LoggerMessage(4609, LogLevel.Error, "Order tracking of connection {ConnectionId} failed.")]
    public static partial void TrackingFailed(ILogger logger, Exception exception, Guid connectionId);

    [LoggerMessage(4610, LogLevel.Information, "Start-up reconciliation: {Count} order intents left sent or unknown.")]
    public static partial void StartupReconcile(ILogger logger, int count);

    [LoggerMessage(4611, LogLevel.Warning, "Could not open the broker for connection {ConnectionId}: {Reason}")]
    public static partial void ChannelUnavailable(ILogger logger, Guid connectionId, string reason);

    [LoggerMessage(4612, LogLevel.Warning, "A 00 push for order {OrderNumber} on connection {ConnectionId} was held too long with no intent claiming it and was let go.")]
    public static partial void EarlyExecutionDropped(ILogger logger, Guid connectionId, string orderNumber);

    [LoggerMessage(4613, LogLevel.Error, "The order audit writer failed outside a batch; it goes on with the next one.")]
    public static partial void AuditWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(4614, LogLevel.Information, "Order tracking of connection {ConnectionId} stopped for shutdown with {Pending} pushes unread.")]
    public static partial void TrackingStopped(ILogger logger, Guid connectionId, int pending);

    [LoggerMessage(4615, LogLevel.Warning, "Order tracking did not stop within {Seconds} s at shutdown.")]
    public static partial void TrackingStopSlow(ILogger logger, int seconds);

    [LoggerMessage(4616, LogLevel.Information, "Open orders of connection {ConnectionId} read back from Kiwoom: {Open} open, {Changed} brought up to date.")]
    public static partial void OpenOrdersReconciled(ILogger logger, Guid connectionId, int open, int changed);

    [LoggerMessage(4617, LogLevel.Warning, "Open orders could not be read back ({ApiId}): {Error}; the next start or reconnect tries again.")]
    public static partial void OpenOrdersUnreadable(ILogger logger, string apiId, KiwoomError error);

    [LoggerMessage(4618, LogLevel.Information, "The realtime connection of connection {ConnectionId} came back: its open orders are read back.")]
    public static partial void RealtimeBack(ILogger logger, Guid connectionId);

    [LoggerMessage(4619, LogLevel.Error, "Reading back the open orders of connection {ConnectionId} failed.")]
    public static partial void OpenOrdersFailed(ILogger logger, Exception exception, Guid connectionId);
}
