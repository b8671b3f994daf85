using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Broker;

/// <summary>
/// Query TRs with the session's credential and rate budget. Every method refuses order TRs
/// (<see cref="ApiKind.Order"/>) with <see cref="BrokerRefusals.OrderOutsideOrderService"/> before anything
/// is sent: orders go through the order service only.
/// </summary>
public interface IBrokerQueries
{
    Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse;

    /// <summary>One page; pass the previous page's <see cref="KiwoomPage{TResponse}.Next"/> for the next ("more").</summary>
    Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse;

    /// <summary>Follows a continuation query page by page.</summary>
    IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse;

    /// <summary>A body as given to the TR <paramref name="apiId"/> (the API explorer); a broker error is in the answer beside the body.</summary>
    Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default);
}
