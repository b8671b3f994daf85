using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>Answers typed queries from responses the test registers per TR; refuses order TRs like the real path.</summary>
public sealed class FakeBrokerQueries : IBrokerQueries
{
    private readonly Dictionary<string, Func<IKiwoomRequest, KiwoomResponse>> answers = new(StringComparer.Ordinal);

    private readonly Dictionary<string, KiwoomError> failures = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Func<string, KiwoomContinuation?, KiwoomRawResponse>> rawAnswers = new(StringComparer.Ordinal);

    public List<IKiwoomRequest> Sent { get; } = [];

    /// <summary>Raw queries sent: the TR, its body as text and the continuation it carried.</summary>
    public List<(string ApiId, string Body, KiwoomContinuation? Continuation)> SentRaw { get; } = [];

    /// <summary>Answers raw queries of <paramref name="apiId"/> from the body text and continuation.</summary>
    public void AnswerRaw(string apiId, Func<string, KiwoomContinuation?, KiwoomRawResponse> answer) => rawAnswers[apiId] = answer;

    public void Answer<TResponse>(string apiId, Func<IKiwoomRequest, TResponse> answer)
        where TResponse : KiwoomResponse =>
        answers[apiId] = answer;

    /// <summary>From now on, queries of <paramref name="apiId"/> fail with <paramref name="error"/> (it wins over an answer).</summary>
    public void Fail(string apiId, KiwoomError error) => failures[apiId] = error;

    public Task<KiwoomResult<TResponse>> QueryAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        Sent.Add(request);
        if (BrokerRefusals.ForQueryPath(request.Api) is { } refused)
        {
            return Task.FromResult(KiwoomResult<TResponse>.Failure(refused));
        }

        if (failures.TryGetValue(request.Api.Id, out var failure))
        {
            return Task.FromResult(KiwoomResult<TResponse>.Failure(failure));
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

    public Task<KiwoomResult<KiwoomRawResponse>> QueryRawAsync(string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation = null, CancellationToken ct = default)
    {
        if (!rawAnswers.TryGetValue(apiId, out var answer))
        {
            throw new NotSupportedException($"The test gave no raw answer for {apiId}.");
        }

        var text = System.Text.Encoding.UTF8.GetString(body.Span);
        SentRaw.Add((apiId, text, continuation));
        return Task.FromResult(KiwoomResult<KiwoomRawResponse>.Success(answer(text, continuation)));
    }
}
