using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>Raw queries answered by the test's script, one answer per call in order; every call is recorded.</summary>
internal sealed class FakeBrokerQueries : IBrokerQueries
{
    public List<(string ApiId, string Body, KiwoomContinuation? Continuation)> Calls { get; } = [];

    public Queue<KiwoomResult<KiwoomRawResponse>> Answers { get; } = new();

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default)
    {
        Calls.Add((apiId, System.Text.Encoding.UTF8.GetString(body.Span), continuation));
        return Task.FromResult(Answers.Dequeue());
    }

    public static KiwoomResult<KiwoomRawResponse> Page(string apiId, string body, string? nextKey = null) =>
        KiwoomResult<KiwoomRawResponse>.Success(new KiwoomRawResponse(200, apiId, nextKey is null ? null : new KiwoomContinuation(nextKey), null, System.Text.Encoding.UTF8.GetBytes(body), null));

    // The explorer only sends raw bodies; the typed paths belong to other screens.
    public Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse => throw new NotSupportedException("The explorer sends raw bodies only.");

    public Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse => throw new NotSupportedException("The explorer sends raw bodies only.");

    public IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse => throw new NotSupportedException("The explorer sends raw bodies only.");
}
