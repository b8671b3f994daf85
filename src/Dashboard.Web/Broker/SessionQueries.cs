using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Broker;

/// <summary>Query TRs with one credential; order and token TRs are refused before anything is sent.</summary>
internal sealed class SessionQueries(KiwoomRestClient rest, KiwoomCredential credential) : IBrokerQueries
{
    public Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        BrokerRefusals.ForQueryPath(request.Api) is { } refused
            ? Task.FromResult(KiwoomResult<TResponse>.Failure(refused))
            : rest.SendAsync(credential, request, ct);

    public Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        BrokerRefusals.ForQueryPath(request.Api) is { } refused
            ? Task.FromResult(KiwoomResult<KiwoomPage<TResponse>>.Failure(refused))
            : rest.SendPageAsync(credential, request, continuation, ct);

    public IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        BrokerRefusals.ForQueryPath(request.Api) is { } refused
            ? Refused<TResponse>(refused)
            : rest.SendPagesAsync(credential, request, maxPages, ct);

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default)
    {
        var api = KiwoomApis.Find(apiId) ?? throw new ArgumentException($"'{apiId}' is not a TR of the registry.", nameof(apiId));
        return BrokerRefusals.ForQueryPath(api) is { } refused
            ? Task.FromResult(KiwoomResult<KiwoomRawResponse>.Failure(refused))
            : rest.SendRawAsync(credential, apiId, body, continuation, ct);
    }

    private static async IAsyncEnumerable<KiwoomResult<TResponse>> Refused<TResponse>(KiwoomError refused)
        where TResponse : KiwoomResponse
    {
        await Task.CompletedTask;
        yield return KiwoomResult<TResponse>.Failure(refused);
    }
}
