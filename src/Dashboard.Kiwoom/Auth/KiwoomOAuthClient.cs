using System.Text.Json;
using Dashboard.Kiwoom.RateLimiting;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Auth;

/// <summary>au10001 and au10002 over HTTP, within the key's Auth rate budget.</summary>
public sealed partial class KiwoomOAuthClient : IKiwoomTokenIssuer
{
    public const string IssueApiId = "au10001";
    public const string RevokeApiId = "au10002";
    public const string IssuePath = "/oauth2/token";
    public const string RevokePath = "/oauth2/revoke";

    private readonly KiwoomHttpSender sender;
    private readonly KiwoomRateLimiter limiter;
    private readonly ILogger<KiwoomOAuthClient> logger;

    public KiwoomOAuthClient(
        IHttpClientFactory httpClients,
        KiwoomRateLimiter limiter,
        IOptions<KiwoomClientOptions> options,
        TimeProvider time,
        ILogger<KiwoomOAuthClient> logger)
    {
        sender = new KiwoomHttpSender(httpClients, options.Value, time, logger);
        this.limiter = limiter;
        this.logger = logger;
    }

    public async Task<KiwoomResult<KiwoomToken>> IssueAsync(KiwoomCredential credential, CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new TokenIssueBody("client_credentials", credential.AppKey, credential.SecretKey), KiwoomJson.Options);
        var answer = await PostAsync(credential, IssueApiId, IssuePath, body, ct).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            LogIssueFailed(credential.KeyId, answer.Error.Kind, answer.Error.DetailCode);
            return answer.Error;
        }

        var decoded = KiwoomJson.Decode<TokenIssueAnswer>(answer.Value.Body.Span, IssueApiId);
        if (!decoded.IsSuccess)
        {
            LogIssueFailed(credential.KeyId, decoded.Error.Kind, decoded.Error.DetailCode);
            return decoded.Error;
        }

        var token = decoded.Value.Token;
        if (string.IsNullOrWhiteSpace(token) || !KoreaTime.TryParseTimestamp(decoded.Value.ExpiresDt, out var expiresAt))
        {
            var error = new KiwoomError(KiwoomErrorKind.Decode, 0, null, $"{IssueApiId}: the answer lacks a token or a valid expires_dt ('{decoded.Value.ExpiresDt}').", answer.Value.StatusCode);
            LogIssueFailed(credential.KeyId, error.Kind, null);
            return error;
        }

        LogIssued(credential.KeyId, expiresAt);
        return KiwoomResult<KiwoomToken>.Success(new KiwoomToken(token, expiresAt));
    }

    public async Task<KiwoomResult<bool>> RevokeAsync(KiwoomCredential credential, KiwoomToken token, CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new TokenRevokeBody(credential.AppKey, credential.SecretKey, token.Value), KiwoomJson.Options);
        var answer = await PostAsync(credential, RevokeApiId, RevokePath, body, ct).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            LogRevokeFailed(credential.KeyId, answer.Error.Kind, answer.Error.DetailCode);
            return answer.Error;
        }

        LogRevoked(credential.KeyId);
        return KiwoomResult<bool>.Success(true);
    }

    /// <summary>The answer, with a broker error in the envelope turned into a failure.</summary>
    private async Task<KiwoomResult<KiwoomRawResponse>> PostAsync(KiwoomCredential credential, string apiId, string path, byte[] body, CancellationToken ct)
    {
        KiwoomResult<KiwoomRawResponse> sent;
        using (await limiter.AcquireAsync(credential, RateLimitGroup.Auth, ct).ConfigureAwait(false))
        {
            sent = await sender.PostAsync(credential.RestBase, path, apiId, bearerToken: null, body, continuation: null, ct).ConfigureAwait(false);
        }

        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        if (sent.Value.Error is { } error)
        {
            if (error.Kind == KiwoomErrorKind.RateLimited)
            {
                limiter.ReportRateLimited(credential, RateLimitGroup.Auth, sent.Value.RetryAfter);
            }

            return error;
        }

        limiter.ReportAccepted(credential, RateLimitGroup.Auth);
        return sent;
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Issued a Kiwoom token for key {KeyId}, expiring {ExpiresAt:O}")]
    private partial void LogIssued(string keyId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Issuing a Kiwoom token for key {KeyId} failed: {Kind} ({DetailCode})")]
    private partial void LogIssueFailed(string keyId, KiwoomErrorKind kind, string? detailCode);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Revoked the Kiwoom token of key {KeyId}")]
    private partial void LogRevoked(string keyId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Revoking the Kiwoom token of key {KeyId} failed: {Kind} ({DetailCode})")]
    private partial void LogRevokeFailed(string keyId, KiwoomErrorKind kind, string? detailCode);
}
