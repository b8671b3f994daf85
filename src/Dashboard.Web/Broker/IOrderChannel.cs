using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>An order service's hold on a member's session: send orders, read order state, receive fills.</summary>
public interface IOrderChannel : IAsyncDisposable
{
    string KeyId { get; }

    KiwoomEnvironment Environment { get; }

    /// <summary>Query TRs for reconciliation (ka10075, ka10076, kt00007, kt00010, kt00018 …).</summary>
    IBrokerQueries Queries { get; }

    /// <summary>The session's live feeds (the order service follows the last trade of the stocks it checks orders of).</summary>
    IMarketFeeds Feeds { get; }

    /// <summary>
    /// Sends one order TR (<see cref="ApiKind.Order"/>) exactly once: never retried, whatever happens. A
    /// request of any other kind is a bug and throws.
    /// </summary>
    Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse;

    /// <summary>Order and fill events (00) of this account, in order and never dropped.</summary>
    Task<KiwoomResult<EventFeed<OrderExecution>>> SubscribeOrderEventsAsync(CancellationToken ct = default);

    /// <summary>
    /// The session's connection state changes (a realtime reconnect is Reconnecting, then Connected): pushes sent
    /// while the socket was away are lost, so the order tracker reads the open orders back then. None by default.
    /// </summary>
    event Action<BrokerStatus>? StatusChanged
    {
        add { }
        remove { }
    }

    /// <summary>Balance events (04) of this account, in order and never dropped.</summary>
    Task<KiwoomResult<EventFeed<RealtimeEvent>>> SubscribeBalanceEventsAsync(CancellationToken ct = default);
}
