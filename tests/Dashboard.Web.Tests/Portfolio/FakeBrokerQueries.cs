using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>
/// Query TRs answered from wire JSON decoded by the real decoder, or with a broker error; optionally held
/// until released (to see the loading state). Counts calls per TR.
/// </summary>
internal sealed class FakeBrokerQueries : IBrokerQueries
{
    private readonly ConcurrentDictionary<string, KiwoomResult<KiwoomResponse>> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    /// <summary>While set and not completed, every query waits for it.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public void Answer(string apiId, string json)
    {
        var decoded = KiwoomJson.Decode(Encoding.UTF8.GetBytes(json), apiId);
        Assert.True(decoded.IsSuccess, decoded.Error?.Message);
        answers[apiId] = decoded;
    }

    public void Fail(string apiId, string message) =>
        answers[apiId] = new KiwoomError(KiwoomErrorKind.Server, 1, null, message);

    public int Calls(string apiId) => calls.GetValueOrDefault(apiId);

    public async Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        calls.AddOrUpdate(request.Api.Id, 1, (_, n) => n + 1);
        if (!answers.TryGetValue(request.Api.Id, out var answer))
        {
            return new KiwoomError(KiwoomErrorKind.NotSupported, 1, null, $"{request.Api.Id} is not answered by this fake.");
        }

        return answer.IsSuccess ? KiwoomResult<TResponse>.Success((TResponse)answer.Value) : KiwoomResult<TResponse>.Failure(answer.Error);
    }

    public async Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        (await QueryAsync(request, ct)).Map(value => new KiwoomPage<TResponse>(value, null));

    public async IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, [EnumeratorCancellation] CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        yield return await QueryAsync(request, ct);
    }

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default) =>
        throw new NotSupportedException("The portfolio never sends raw bodies.");
}
