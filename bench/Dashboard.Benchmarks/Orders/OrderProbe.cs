using System.Diagnostics;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;

namespace Dashboard.Benchmarks.Orders;

/// <summary>
/// What one order spent where, filled in by the wrapped gateway as the real order service calls it (the
/// probe flows with the caller's async context): broker queries (price reference), the order TR itself.
/// </summary>
internal sealed class OrderProbe
{
    public static readonly AsyncLocal<OrderProbe?> Current = new();

    public long Started { get; } = Stopwatch.GetTimestamp();

    public long QueryTicks;
    public long SendStarted;
    public long SendEnded;
    public int Sends;
}

/// <summary>The real gateway, with every channel it opens timed by <see cref="OrderProbe"/>.</summary>
internal sealed class ProbedGateway(IOrderGateway inner) : IOrderGateway
{
    public async Task<OrderChannelResult> OpenAsync(string ownerId, Guid connectionId, CancellationToken ct = default)
    {
        var opened = await inner.OpenAsync(ownerId, connectionId, ct);
        return opened.Channel is { } channel ? opened with { Channel = new ProbedChannel(channel) } : opened;
    }

    private sealed class ProbedChannel(IOrderChannel inner) : IOrderChannel
    {
        public string KeyId => inner.KeyId;

        public KiwoomEnvironment Environment => inner.Environment;

        public IBrokerQueries Queries { get; } = new ProbedQueries(inner.Queries);

        public IMarketFeeds Feeds => inner.Feeds;

        // Forwarded, or the tracker would never hear of a realtime reconnect on the bench and never read the open orders back.
        public event Action<BrokerStatus>? StatusChanged
        {
            add => inner.StatusChanged += value;
            remove => inner.StatusChanged -= value;
        }

        public async Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
            where TResponse : KiwoomResponse
        {
            var probe = OrderProbe.Current.Value;
            if (probe is not null)
            {
                Interlocked.Increment(ref probe.Sends);
                probe.SendStarted = Stopwatch.GetTimestamp();
            }

            try
            {
                return await inner.SendOrderAsync(request, ct);
            }
            finally
            {
                probe?.SendEnded = Stopwatch.GetTimestamp();
            }
        }

        public Task<KiwoomResult<EventFeed<OrderExecution>>> SubscribeOrderEventsAsync(CancellationToken ct = default) => inner.SubscribeOrderEventsAsync(ct);

        public Task<KiwoomResult<EventFeed<RealtimeEvent>>> SubscribeBalanceEventsAsync(CancellationToken ct = default) => inner.SubscribeBalanceEventsAsync(ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class ProbedQueries(IBrokerQueries inner) : IBrokerQueries
    {
        public async Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
            where TResponse : KiwoomResponse
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await inner.QueryAsync(request, ct);
            }
            finally
            {
                if (OrderProbe.Current.Value is { } probe)
                {
                    Interlocked.Add(ref probe.QueryTicks, Stopwatch.GetTimestamp() - started);
                }
            }
        }

        public Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
            where TResponse : KiwoomResponse => inner.QueryPageAsync(request, continuation, ct);

        public IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, CancellationToken ct = default)
            where TResponse : KiwoomResponse => inner.QueryPagesAsync(request, maxPages, ct);

        public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default) =>
            inner.QueryRawAsync(apiId, body, continuation, ct);
    }
}
