using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>Answers typed queries from responses the test registers per TR; refuses order TRs like the real path.</summary>
public sealed class FakeBrokerQueries : IBrokerQueries
{
    private readonly Dictionary<string, Func<IKiwoomRequest, KiwoomResponse>> answers = new(StringComparer.Ordinal);

    public List<IKiwoomRequest> Sent { get; } = [];

    public void Answer<TResponse>(string apiId, Func<IKiwoomRequest, TResponse> answer)
        where TResponse : KiwoomResponse =>
        answers[apiId] = answer;

    public Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        Sent.Add(request);
        if (BrokerRefusals.ForQueryPath(request.Api) is { } refused)
        {
            return Task.FromResult(KiwoomResult<TResponse>.Failure(refused));
        }

        return Task.FromResult(answers.TryGetValue(request.Api.Id, out var answer)
            ? KiwoomResult<TResponse>.Success((TResponse)answer(request))
            : KiwoomResult<TResponse>.Failure(new KiwoomError(KiwoomErrorKind.Server, -1, null, $"The test gave no answer for {request.Api.Id}.")));
    }

    public async Task<KiwoomResult<KiwoomPage<TResponse>>> QueryPageAsync<TResponse>(IKiwoomRequest<TResponse> request, KiwoomContinuation? continuation = null, CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        (await QueryAsync(request, ct)).Map(value => new KiwoomPage<TResponse>(value, null));

    public async IAsyncEnumerable<KiwoomResult<TResponse>> QueryPagesAsync<TResponse>(IKiwoomRequest<TResponse> request, int? maxPages = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        yield return await QueryAsync(request, ct);
    }

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default) =>
        throw new NotSupportedException("Raw queries are the explorer's; this fake answers typed ones.");
}
