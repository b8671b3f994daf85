using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>
/// An in-memory Kiwoom: issues tokens (au10001), accepts revokes (au10002) and answers every other
/// TR through <see cref="Respond"/>. Records each request with the fake clock's time of arrival.
/// </summary>
internal sealed class FakeKiwoomHandler : HttpMessageHandler
{
    private readonly TimeProvider time;
    private int issued;

    public FakeKiwoomHandler(TimeProvider time) => this.time = time;

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    /// <summary>Answers a non-OAuth request; the default is a success with an empty body.</summary>
    public Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _) => Task.FromResult(Json("""{"return_code":0,"return_msg":"정상적으로 처리되었습니다"}"""));

    /// <summary>Korea-time expires_dt of the next issued token; the default is 24 h after issue.</summary>
    public Func<DateTimeOffset, string> ExpiresDt { get; set; } =
        now => now.ToOffset(TimeSpan.FromHours(9)).AddHours(24).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Replaces the au10001 answer, e.g. with a failure envelope.</summary>
    public Func<CapturedRequest, HttpResponseMessage>? RespondToIssue { get; set; }

    public IEnumerable<CapturedRequest> Calls(string apiId) => Requests.Where(r => r.ApiId == apiId);

    public int IssueCount => Calls("au10001").Count();

    /// <summary>The token the n-th (0-based) au10001 call handed out.</summary>
    public static string TokenNumber(int n) => $"TESTTOKEN{n:D4}_abcdefghijklmnopqrstuvwxyz0123456789";

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var captured = new CapturedRequest(
            request.Method,
            request.RequestUri!,
            headers,
            request.Content?.Headers.ContentType?.ToString(),
            body,
            time.GetUtcNow());
        Requests.Enqueue(captured);

        switch (captured.ApiId)
        {
            case "au10001":
                if (RespondToIssue is { } failure)
                {
                    return failure(captured);
                }

                var n = Interlocked.Increment(ref issued) - 1;
                return Json($$"""{"expires_dt":"{{ExpiresDt(time.GetUtcNow())}}","token_type":"Bearer","token":"{{TokenNumber(n)}}","return_code":0,"return_msg":"정상적으로 처리되었습니다"}""");
            case "au10002":
                return Json("""{"return_code":0,"return_msg":"정상적으로 처리되었습니다"}""");
            default:
                return await Respond(captured, cancellationToken);
        }
    }
}
