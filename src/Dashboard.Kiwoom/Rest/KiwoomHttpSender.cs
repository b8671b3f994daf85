using System.Diagnostics;
using Dashboard.Kiwoom.Errors;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// One HTTP exchange with Kiwoom: the headers every TR needs, the timeout, and turning "no answer"
/// into a transport error. Retries, tokens and rate limits live above it.
/// </summary>
internal sealed partial class KiwoomHttpSender
{
    /// <summary>The named client registered for Kiwoom (no resilience handler: every call is a POST).</summary>
    public const string ClientName = "Dashboard.Kiwoom";

    private const string JsonUtf8 = "application/json;charset=UTF-8";

    private readonly IHttpClientFactory httpClients;
    private readonly KiwoomClientOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public KiwoomHttpSender(IHttpClientFactory httpClients, KiwoomClientOptions options, TimeProvider time, ILogger logger)
    {
        this.httpClients = httpClients;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/> under <paramref name="baseUrl"/>.
    /// A failure is returned only when no answer arrived; an answer carrying a broker error is a
    /// success whose <see cref="KiwoomRawResponse.Error"/> is set.
    /// </summary>
    public async Task<KiwoomResult<KiwoomRawResponse>> PostAsync(
        Uri baseUrl,
        string path,
        string apiId,
        string? bearerToken,
        ReadOnlyMemory<byte> body,
        KiwoomContinuation? continuation,
        CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Combine(baseUrl, path));
        request.Headers.TryAddWithoutValidation("api-id", apiId);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        if (bearerToken is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + bearerToken);
        }

        if (continuation is not null)
        {
            request.Headers.TryAddWithoutValidation("cont-yn", "Y");
            request.Headers.TryAddWithoutValidation("next-key", continuation.NextKey);
        }

        request.Content = new ReadOnlyMemoryContent(body.IsEmpty ? "{}"u8.ToArray() : body);

        // Exactly the spelling of the specification; a parsed header would be re-rendered with a space.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", JsonUtf8);

        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var http = httpClients.CreateClient(ClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            LogExchange(apiId, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var error = Envelope.TryRead(bytes, out var returnCode, out var returnMsg)
                ? KiwoomErrors.FromResponse(status, returnCode, returnMsg)
                : KiwoomErrors.FromResponse(status, null, null);
            return KiwoomResult<KiwoomRawResponse>.Success(new KiwoomRawResponse(
                status,
                Header(response, "api-id"),
                ContinuationOf(response),
                RetryAfterOf(response),
                bytes,
                error));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogNoAnswer(apiId, "timeout", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return KiwoomErrors.Transport($"{apiId}: no answer within {options.RequestTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            LogNoAnswer(apiId, ex.HttpRequestError.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return KiwoomErrors.Transport($"{apiId}: {ex.HttpRequestError} ({ex.Message})");
        }
        catch (IOException ex)
        {
            // The connection broke while the body was being read.
            LogNoAnswer(apiId, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return KiwoomErrors.Transport($"{apiId}: the answer was cut off ({ex.Message})");
        }
    }

    private static Uri Combine(Uri baseUrl, string path) =>
        new(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/'));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static KiwoomContinuation? ContinuationOf(HttpResponseMessage response)
    {
        var more = Header(response, "cont-yn");
        return string.Equals(more?.Trim(), "Y", StringComparison.OrdinalIgnoreCase)
            ? new KiwoomContinuation(Header(response, "next-key") ?? string.Empty)
            : null;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Kiwoom {ApiId} answered HTTP {Status} in {ElapsedMs:0.0} ms")]
    private partial void LogExchange(string apiId, int status, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Kiwoom {ApiId}: no answer ({Reason}) after {ElapsedMs:0.0} ms")]
    private partial void LogNoAnswer(string apiId, string reason, double elapsedMs);
}
