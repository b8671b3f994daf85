using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>SEC-17: whatever happens on the send path, no log line holds an app key, secret, token or full account number.</summary>
public sealed class SendPathSecretsTests
{
    [Fact]
    public async Task LogsNeverContainKeysTokensOrAccountNumbers()
    {
        var harness = new RestHarness(o => o.MaxRateLimitRetries = 1);
        var calls = 0;
        harness.Handler.Respond = (request, _) => Task.FromResult((Interlocked.Increment(ref calls) % 6) switch
        {
            1 => FakeKiwoomHandler.Json("""{"return_code":3,"return_msg":"인증에 실패했습니다[8005:Token이 유효하지 않습니다]"}"""),
            2 => FakeKiwoomHandler.Json("""{"return_code":5,"return_msg":"[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=kt10000]"}""", HttpStatusCode.TooManyRequests),
            3 => FakeKiwoomHandler.Json($$"""{"return_code":2,"return_msg":"입력 값 오류입니다[1517:입력 값 형식이 올바르지 않습니다. 파라미터=acnt_no 실패사유= {{RestHarness.Account}}]"}"""),
            4 => FakeKiwoomHandler.Json("""{"ord_no":"0000123","return_code":0,"return_msg":"ok"}"""),
            5 => FakeKiwoomHandler.Json("<html>bad gateway</html>", HttpStatusCode.BadGateway),
            _ => FakeKiwoomHandler.Json($$"""{"return_code":0,"return_msg":"ok","cur_prc":"not-a-number","acnt_no":"{{RestHarness.Account}}"}"""),
        });
        var order = new TestBuyRequest("KRX", "005930", "1", "70000", "0");

        await harness.Tokens.GetTokenAsync(harness.Credential);
        harness.Time.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 8; i++)
        {
            await harness.RunAsync(harness.Client.SendAsync(harness.Credential, order));
            await harness.RunAsync(harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930")));
        }

        harness.Handler.RespondToIssue = _ => FakeKiwoomHandler.Json("""{"return_code":3,"return_msg":"인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]"}""");
        await harness.Tokens.GetTokenAsync(harness.Credential with { AppKey = RestHarness.AppKey + "X" });
        await harness.Tokens.DisposeAsync();

        var lines = harness.Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        var tokens = harness.Handler.Calls("au10001").Select((_, n) => FakeKiwoomHandler.TokenNumber(n)).ToList();
        foreach (var line in lines)
        {
            Assert.DoesNotContain(RestHarness.AppKey, line);
            Assert.DoesNotContain(RestHarness.SecretKey, line);
            Assert.DoesNotContain(RestHarness.Account, line);
            Assert.DoesNotMatch(new Regex("TESTTOKEN\\d{4}"), line);
            Assert.All(tokens, t => Assert.DoesNotContain(t, line));
        }
    }
}
