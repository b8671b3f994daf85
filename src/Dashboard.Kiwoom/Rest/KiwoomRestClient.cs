using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.RateLimiting;
using Dashboard.Kiwoom.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// The one send path for every REST TR: token, api-id and continuation headers, the per-key rate
/// budget, error mapping, one re-issue on 8005, bounded waits after rate limits for queries, and no
/// automatic re-send of an order, ever.
/// </summary>
public sealed partial class KiwoomRestClient
{
    private readonly KiwoomHttpSender sender;
    private readonly IKiwoomTokenSource tokens;
    private readonly KiwoomRateLimiter limiter;
    private readonly KiwoomClientOptions options;
    private readonly ILogger<KiwoomRestClient> logger;
    private readonly WireWarningGate warningGate = new();

    public KiwoomRestClient(
        IHttpClientFactory httpClients,
        IKiwoomTokenSource tokens,
        KiwoomRateLimiter limiter,
        IOptions<KiwoomClientOptions> options,
        TimeProvider time,
        ILogger<KiwoomRestClient> logger)
    {
        this.options = options.Value;
        sender = new KiwoomHttpSender(httpClients, this.options, time, logger);
        this.tokens = tokens;
        this.limiter = limiter;
        this.logger = logger;
    }

    /// <summary>Sends one request and decodes its answer (the first page, for a continuation query).</summary>
    public async Task<KiwoomResult<TResponse>> SendAsync<TResponse>(KiwoomCredential credential, IKiwoomRequest<TResponse> request, CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        var page = await SendPageAsync(credential, request, continuation: null, ct).ConfigureAwait(false);
        return page.Map(p => p.Value);
    }

    /// <summary>Sends one page of a continuation query; <see cref="KiwoomPage{TResponse}.Next"/> says where the next starts.</summary>
    public async Task<KiwoomResult<KiwoomPage<TResponse>>> SendPageAsync<TResponse>(
        KiwoomCredential credential,
        IKiwoomRequest<TResponse> request,
        KiwoomContinuation? continuation,
        CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = request.Api;
        EnsureRest(api);
        var body = KiwoomJson.Encode(request);
        var answer = await ExecuteAsync(credential, api, body, continuation, ct).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        if (answer.Value.Error is { } error)
        {
            return error;
        }

        var warnings = new List<WireWarning>();
        var decoded = KiwoomJson.Decode<TResponse>(answer.Value.Body.Span, api.Id, warnings);
        foreach (var warning in warnings)
        {
            if (warningGate.IsFirst(warning))
            {
                LogWireWarning(warning.ApiId, warning.Field, LogRedaction.MaskLongNumbers(warning.Value), warning.Expected);
            }
        }

        if (!decoded.IsSuccess)
        {
            LogDecodeFailed(api.Id, decoded.Error.Message);
            return decoded.Error;
        }

        return KiwoomResult<KiwoomPage<TResponse>>.Success(new KiwoomPage<TResponse>(decoded.Value, answer.Value.Next));
    }

    /// <summary>
    /// Follows <c>cont-yn</c>/<c>next-key</c> page by page, at most <paramref name="maxPages"/> pages
    /// (<see cref="KiwoomClientOptions.DefaultMaxPages"/> when null). A failed page is yielded and ends the sequence.
    /// </summary>
    public IAsyncEnumerable<KiwoomResult<TResponse>> SendPagesAsync<TResponse>(
        KiwoomCredential credential,
        IKiwoomRequest<TResponse> request,
        int? maxPages = null,
        CancellationToken ct = default)
        where TResponse : KiwoomResponse =>
        KiwoomPaging.FollowAsync((next, token) => SendPageAsync(credential, request, next, token), maxPages ?? options.DefaultMaxPages, ct);

    /// <summary>
    /// Sends a body as given to the TR <paramref name="apiId"/> (path looked up in the registry), for
    /// the API explorer and the CLI. Fails only when no answer arrived; a broker error in the answer
    /// is in <see cref="KiwoomRawResponse.Error"/> beside the body.
    /// </summary>
    public Task<KiwoomResult<KiwoomRawResponse>> SendRawAsync(
        KiwoomCredential credential,
        string apiId,
        ReadOnlyMemory<byte> body,
        KiwoomContinuation? continuation = null,
        CancellationToken ct = default)
    {
        var api = KiwoomApis.Find(apiId)
            ?? throw new ArgumentException($"'{apiId}' is not a TR of the registry.", nameof(apiId));
        EnsureRest(api);
        return ExecuteAsync(credential, api, body, continuation, ct);
    }

    /// <inheritdoc cref="SendRawAsync(KiwoomCredential, string, ReadOnlyMemory{byte}, KiwoomContinuation?, CancellationToken)"/>
    public Task<KiwoomResult<KiwoomRawResponse>> SendRawAsync(
        KiwoomCredential credential,
        string apiId,
        JsonNode? body,
        KiwoomContinuation? continuation = null,
        CancellationToken ct = default)
    {
        var bytes = body is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(body, KiwoomJson.Options);
        return SendRawAsync(credential, apiId, bytes, continuation, ct);
    }

    private async Task<KiwoomResult<KiwoomRawResponse>> ExecuteAsync(
        KiwoomCredential credential,
        KiwoomApiDescriptor api,
        ReadOnlyMemory<byte> body,
        KiwoomContinuation? continuation,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var isOrder = api.Kind == ApiKind.Order || !api.RetrySafe;
        var reissued = false;
        var rateRetries = 0;
        while (true)
        {
            var token = await tokens.GetTokenAsync(credential, forceRefresh: false, ct).ConfigureAwait(false);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            KiwoomResult<KiwoomRawResponse> sent;
            using (await limiter.AcquireAsync(credential, api.RateGroup, ct).ConfigureAwait(false))
            {
                sent = await sender.PostAsync(credential.RestBase, api.Path, api.Id, token.Value.Value, body, continuation, ct).ConfigureAwait(false);
            }

            if (!sent.IsSuccess)
            {
                return isOrder ? OutcomeUnknown(api, sent.Error) : sent.Error;
            }

            var answer = sent.Value;
            var error = answer.Error;
            if (error?.Kind == KiwoomErrorKind.RateLimited)
            {
                var pause = limiter.ReportRateLimited(credential, api.RateGroup, answer.RetryAfter);

                // A rate-limited request was not processed, but whether an order goes out again is the
                // member's decision, never the library's; queries wait out the pause a bounded number of times.
                if (!isOrder && rateRetries < options.MaxRateLimitRetries)
                {
                    rateRetries++;
                    LogRateLimitedRetry(api.Id, rateRetries, pause.TotalMilliseconds);
                    continue;
                }

                return KiwoomResult<KiwoomRawResponse>.Success(answer);
            }

            limiter.ReportAccepted(credential, api.RateGroup);
            if (error?.Kind == KiwoomErrorKind.TokenExpired && !reissued)
            {
                reissued = true;

                // 8005 means the server refused the call before processing it, so sending it once more
                // with a fresh token is safe even for an order.
                var fresh = await tokens.GetTokenAsync(credential, forceRefresh: true, ct).ConfigureAwait(false);
                if (!fresh.IsSuccess)
                {
                    // Why the re-issue failed (wrong key, unregistered IP …) says more than the 8005 did.
                    return fresh.Error;
                }

                if (fresh.Value.Value != token.Value.Value)
                {
                    LogTokenRetry(api.Id, credential.KeyId);
                    continue;
                }
            }

            if (error is null)
            {
                return KiwoomResult<KiwoomRawResponse>.Success(answer);
            }

            if (isOrder && error.IsOutcomeUnknown)
            {
                // A 5xx may come from a gateway after the order reached the exchange.
                return KiwoomResult<KiwoomRawResponse>.Success(answer with { Error = OutcomeUnknown(api, error) });
            }

            LogBrokerError(api.Id, error.Kind, error.ReturnCode, error.DetailCode, answer.StatusCode);
            return KiwoomResult<KiwoomRawResponse>.Success(answer);
        }
    }

    private static void EnsureRest(KiwoomApiDescriptor api)
    {
        switch (api.Kind)
        {
            case ApiKind.Auth:
                // Token bodies carry the secret key; they only travel through the token source.
                throw new ArgumentException($"'{api.Id}' is an OAuth TR; use IKiwoomTokenSource or KiwoomTokenSource.RevokeAsync.", nameof(api));
            case ApiKind.Realtime:
                throw new ArgumentException($"'{api.Id}' travels over the WebSocket, not REST.", nameof(api));
        }
    }

    private KiwoomError OutcomeUnknown(KiwoomApiDescriptor api, KiwoomError transport)
    {
        LogOrderOutcomeUnknown(api.Id, transport.Message);
        return transport with
        {
            Message = transport.Message + " The order may or may not have reached the exchange; check open orders before sending it again.",
        };
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Kiwoom {ApiId} failed: {Kind} (return_code {ReturnCode}, detail {DetailCode}, HTTP {Status})")]
    private partial void LogBrokerError(string apiId, KiwoomErrorKind kind, int returnCode, string? detailCode, int status);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Kiwoom {ApiId} rejected the token of key {KeyId} (8005); re-issued it and sending once more")]
    private partial void LogTokenRetry(string apiId, string keyId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Kiwoom {ApiId} was rate-limited; query retry {Attempt} after a {PauseMs} ms pause")]
    private partial void LogRateLimitedRetry(string apiId, int attempt, double pauseMs);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Kiwoom order {ApiId} got no answer ({Reason}); its outcome is unknown and it is not re-sent")]
    private partial void LogOrderOutcomeUnknown(string apiId, string reason);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Kiwoom {ApiId}: field {Field} has value '{Value}', expected {Expected} (logged once per field; later answers with it are not logged again)")]
    private partial void LogWireWarning(string apiId, string field, string value, string expected);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Error, Message = "Kiwoom {ApiId}: the answer could not be decoded: {Reason}")]
    private partial void LogDecodeFailed(string apiId, string reason);
}
