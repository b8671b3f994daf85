using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Wire;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The broker side of one member's connection: counts every order TR sent, answers with the scripted
/// result, and can hold sends at a gate so concurrent submits really overlap.
/// </summary>
internal sealed class FakeOrderChannel(FakeOrderGateway gateway, KiwoomEnvironment environment) : IOrderChannel
{
    public string KeyId => "fake-key";

    public KiwoomEnvironment Environment { get; } = environment;

    public IBrokerQueries Queries => gateway.Queries;

    public IMarketFeeds Feeds => gateway.Feeds;

    public async Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        gateway.Record(request);
        await gateway.Gate.Task;
        if (gateway.NextError is { } error)
        {
            return error;
        }

        var number = Interlocked.Increment(ref gateway.LastOrderNumber).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
        return KiwoomJson.Decode<TResponse>(System.Text.Encoding.UTF8.GetBytes($$"""{"ord_no":"{{number}}","dmst_stex_tp":"KRX","return_code":0,"return_msg":"ok"}"""), request.Api.Id);
    }

    public Task<KiwoomResult<EventFeed<OrderExecution>>> SubscribeOrderEventsAsync(CancellationToken ct = default) =>
        Task.FromResult<KiwoomResult<EventFeed<OrderExecution>>>(gateway.OrderEvents is { } feed
            ? KiwoomResult<EventFeed<OrderExecution>>.Success(feed)
            : new KiwoomError(KiwoomErrorKind.NotSupported, -1, null, "no realtime in this fake"));

    public Task<KiwoomResult<EventFeed<RealtimeEvent>>> SubscribeBalanceEventsAsync(CancellationToken ct = default) =>
        Task.FromResult<KiwoomResult<EventFeed<RealtimeEvent>>>(new KiwoomError(KiwoomErrorKind.NotSupported, -1, null, "no realtime in this fake"));

    public event Action<BrokerStatus>? StatusChanged
    {
        add => gateway.StatusChanged += value;
        remove => gateway.StatusChanged -= value;
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref gateway.Disposed);
        return ValueTask.CompletedTask;
    }
}
