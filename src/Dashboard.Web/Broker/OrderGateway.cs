using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// The order service's way to the broker: a lease on the member's session (so the session stays open
/// with no page while orders are open) and the session's order send, which nothing else can reach.
/// </summary>
internal sealed class OrderGateway(BrokerSessionRegistry registry) : IOrderGateway
{
    public async Task<OrderChannelResult> OpenAsync(string ownerId, Guid connectionId, CancellationToken ct = default)
    {
        var opened = await registry.OpenAsync(ownerId, connectionId, ct);
        return opened.Lease is { } lease
            ? new OrderChannelResult(new Channel(lease), BrokerLinkState.Connected)
            : new OrderChannelResult(null, opened.Failure, opened.Message);
    }

    private sealed class Channel(BrokerLease lease) : IOrderChannel
    {
        private IBrokerSession Session => lease.Shared;

        public string KeyId => Session.KeyId;

        public KiwoomEnvironment Environment => Session.Environment;

        public IBrokerQueries Queries => Session.Queries;

        public IMarketFeeds Feeds => Session.Feeds;

        public Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
            where TResponse : KiwoomResponse =>
            Session switch
            {
                BrokerSession local => local.SendOrderAsync(request, ct),
                RemoteSession remote => remote.SendOrderAsync(request, ct),
                _ => throw new InvalidOperationException("Unknown session kind."),
            };

        public Task<KiwoomResult<EventFeed<OrderExecution>>> SubscribeOrderEventsAsync(CancellationToken ct = default) =>
            Session.Feeds.SubscribeEventsAsync(RealtimeTypes.OrderExecution, string.Empty, OrderExecution.From, ct);

        public Task<KiwoomResult<EventFeed<RealtimeEvent>>> SubscribeBalanceEventsAsync(CancellationToken ct = default) =>
            Session.Feeds.SubscribeEventsAsync(RealtimeTypes.Balance, string.Empty, static e => e, ct);

        public event Action<BrokerStatus>? StatusChanged
        {
            add => Session.StatusChanged += value;
            remove => Session.StatusChanged -= value;
        }

        public ValueTask DisposeAsync() => lease.DisposeAsync();
    }
}
