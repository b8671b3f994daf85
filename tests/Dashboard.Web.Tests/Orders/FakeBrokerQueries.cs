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

    /// <summary>Answers of several pages (cont-yn Y on all but the last); wins over <see cref="Bodies"/>.</summary>
    public readonly ConcurrentDictionary<string, string[]> PageBodies = new(StringComparer.Ordinal);

    public readonly ConcurrentQueue<string> Asked = new();

    public Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        Asked.Enqueue(request.Api.Id);

        // Like the real client: a plain query is the first page.
        return Task.FromResult(PageBodies.TryGetValue(request.Api.Id, out var pages) ? Decode<TResponse>(request.Api.Id, pages[0])
            : Bodies.TryGetValue(request.Api.Id, out var body)
            ? KiwoomJson.Decode<TResponse>(Encoding.UTF8.GetBytes(body), request.Api.Id)
            : new KiwoomError(KiwoomErrorKind.Server, 7, "1999", "no answer scripted for " + request.Api.Id));
    }

    public Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse => throw new NotSupportedException();

    public async IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, [EnumeratorCancellation] CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        if (!PageBodies.TryGetValue(request.Api.Id, out var pages))
        {
            yield return await QueryAsync(request, ct);
            yield break;
        }

        foreach (var page in pages.Take(maxPages ?? int.MaxValue))
        {
            Asked.Enqueue(request.Api.Id);
            yield return Decode<TResponse>(request.Api.Id, page);
        }
    }

    private static KiwoomResult<TResponse> Decode<TResponse>(string apiId, string body)
        where TResponse : KiwoomResponse =>
        KiwoomJson.Decode<TResponse>(Encoding.UTF8.GetBytes(body), apiId);

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default) =>
        throw new NotSupportedException();
}
