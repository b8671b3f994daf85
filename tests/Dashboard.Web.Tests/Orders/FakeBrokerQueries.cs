using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Wire;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Orders;

/// <summary>Query TRs answered from JSON bodies the test sets per api-id (decoded by the real wire decoder).</summary>
internal sealed class FakeBrokerQueries : IBrokerQueries
{
    public readonly ConcurrentDictionary<string, string> Bodies = new(StringComparer.Ordinal);
    public readonly ConcurrentQueue<string> Asked = new();

    public Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        Asked.Enqueue(request.Api.Id);
        return Task.FromResult(Bodies.TryGetValue(request.Api.Id, out var body)
            ? KiwoomJson.Decode<TResponse>(Encoding.UTF8.GetBytes(body), request.Api.Id)
            : new KiwoomError(KiwoomErrorKind.Server, 7, "1999", "no answer scripted for " + request.Api.Id));
    }

    public Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse => throw new NotSupportedException();

    public async IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, [EnumeratorCancellation] CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        yield return await QueryAsync(request, ct);
    }

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default) =>
        throw new NotSupportedException();
}
