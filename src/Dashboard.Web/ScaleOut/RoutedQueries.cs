using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Broker;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// A remote session's queries (and, for the order gateway, its orders): encoded here exactly as the local REST client
/// encodes them, sent by the key's holder with its token and rate budget (<see cref="RoutedRequestClient"/>), and the
/// raw answer decoded here into the same typed results. The same refusals as a local session, before anything leaves.
/// </summary>
internal sealed class RoutedQueries(RoutedRequestClient route, KiwoomCredential credential, int defaultMaxPages, ILogger logger) : IBrokerQueries
{
    // One per process, as the REST client's: a field the catalog does not list comes in every row of every answer.
    private static readonly WireWarningGate WarningGate = new();

    public async Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        var page = await QueryPageAsync(request, null, ct);
        return page.Map(p => p.Value);
    }

    public async Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        if (BrokerRefusals.ForQueryPath(request.Api) is { } refused)
        {
            return refused;
        }

        var answer = await route.SendAsync(credential, RoutedKind.Query, request.Api.Id, KiwoomJson.Encode(request), continuation, ct);
        return Decode<TResponse>(answer, request.Api.Id);
    }

    /// <summary>Follows the continuation page by page with the local client's own loop: at most <paramref name="maxPages"/>, a failed page ends it.</summary>
    public IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        KiwoomPaging.FollowAsync((next, token) => QueryPageAsync(request, next, token), maxPages ?? defaultMaxPages, ct);

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default)
    {
        var api = KiwoomApis.Find(apiId) ?? throw new ArgumentException($"'{apiId}' is not a TR of the registry.", nameof(apiId));
        return BrokerRefusals.ForQueryPath(api) is { } refused
            ? Task.FromResult(KiwoomResult<KiwoomRawResponse>.Failure(refused))
            : route.SendAsync(credential, RoutedKind.Query, api.Id, body, continuation, ct);
    }

    /// <summary>One order TR, sent once by the holder; a lost answer is an unknown outcome (see <see cref="RoutedRequestClient"/>).</summary>
    public async Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        if (request.Api.Kind != ApiKind.Order)
        {
            throw new ArgumentException($"{request.Api.Id} is not an order TR; queries go through Queries.", nameof(request));
        }

        var answer = await route.SendAsync(credential, RoutedKind.Order, request.Api.Id, KiwoomJson.Encode(request), null, ct);
        return Decode<TResponse>(answer, request.Api.Id).Map(p => p.Value);
    }

    /// <summary>What <see cref="KiwoomRestClient.SendPageAsync{TResponse}"/> does with an answer: a broker error wins, then the typed decode.</summary>
    private KiwoomResult<KiwoomPage<TResponse>> Decode<TResponse>(KiwoomResult<KiwoomRawResponse> answer, string apiId)
        where TResponse : KiwoomResponse
    {
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        if (answer.Value.Error is { } error)
        {
            return error;
        }

        // The holder relays bytes and decodes nothing: odd values are reported here, by field (values may be account numbers).
        var warnings = new List<WireWarning>();
        var decoded = KiwoomJson.Decode<TResponse>(answer.Value.Body.Span, apiId, warnings);
        foreach (var warning in warnings)
        {
            if (WarningGate.IsFirst(warning))
            {
                ScaleOutLog.RoutedWireWarning(logger, warning.ApiId, warning.Field, warning.Expected);
            }
        }

        if (!decoded.IsSuccess)
        {
            ScaleOutLog.RoutedDecodeFailed(logger, apiId, decoded.Error.Message);
            return decoded.Error;
        }

        return KiwoomResult<KiwoomPage<TResponse>>.Success(new KiwoomPage<TResponse>(decoded.Value, answer.Value.Next));
    }
}
