using System.Net;
using Dashboard.Kiwoom.Tests.Rest;

namespace Dashboard.Kiwoom.Tests.Auth;

public sealed class KiwoomTokenSourceTests
{
    [Fact]
    public async Task IssueSendsClientCredentialsWithoutAuthorization()
    {
        var harness = new RestHarness();

        var token = await harness.Tokens.GetTokenAsync(harness.Credential);

        Assert.True(token.IsSuccess);
        var issue = Assert.Single(harness.Handler.Requests);
        Assert.Equal("http://127.0.0.1:5080/sim/oauth2/token", issue.Uri.ToString());
        Assert.Null(issue.Header("authorization"));
        Assert.Equal(
            $$"""{"grant_type":"client_credentials","appkey":"{{RestHarness.AppKey}}","secretkey":"{{RestHarness.SecretKey}}"}""",
            issue.Body);
    }

    [Fact]
    public async Task FiftyConcurrentCallersCauseOneIssue()
    {
        var harness = new RestHarness();
        var gate = new TaskCompletionSource();
        var callers = Enumerable.Range(0, 50)
            .Select(_ => Task.Run(async () =>
            {
                await gate.Task;
                return await harness.Tokens.GetTokenAsync(harness.Credential);
            }))
            .ToArray();

        gate.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, harness.Handler.IssueCount);
        Assert.All(tokens, t => Assert.Equal(FakeKiwoomHandler.TokenNumber(0), t.Value!.Value));
    }

    [Fact]
    public async Task FailedIssuesBackOffOneTwoFourSeconds()
    {
        var harness = new RestHarness();
        harness.Handler.RespondToIssue = _ => FakeKiwoomHandler.Json("""{"return_code":3,"return_msg":"인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]"}""");
        var attempts = new List<DateTimeOffset>();

        // Ask ten times a second for 10 s; the server must see growing gaps, never a tight loop.
        for (var i = 0; i < 100; i++)
        {
            var result = await harness.Tokens.GetTokenAsync(harness.Credential);
            Assert.False(result.IsSuccess);
            Assert.Equal("8001", result.Error.DetailCode);
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        attempts.AddRange(harness.Handler.Calls("au10001").Select(r => r.ReceivedAt));
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], gaps);
    }

    [Fact]
    public async Task IssueRecoversAfterTheBackoffWhenTheServerDoes()
    {
        var harness = new RestHarness();
        harness.Handler.RespondToIssue = _ => FakeKiwoomHandler.Json("{}", HttpStatusCode.ServiceUnavailable);
        Assert.False((await harness.Tokens.GetTokenAsync(harness.Credential)).IsSuccess);

        harness.Handler.RespondToIssue = null;
        Assert.False((await harness.Tokens.GetTokenAsync(harness.Credential)).IsSuccess);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await harness.Tokens.GetTokenAsync(harness.Credential)).IsSuccess);
    }

    [Fact]
    public async Task ForcedRefreshesAreSpacedOutAndShared()
    {
        var harness = new RestHarness();
        var first = (await harness.Tokens.GetTokenAsync(harness.Credential)).Value!;
        harness.Time.Advance(TimeSpan.FromHours(1));

        var second = (await harness.Tokens.GetTokenAsync(harness.Credential, forceRefresh: true)).Value!;
        var concurrentForce = (await harness.Tokens.GetTokenAsync(harness.Credential, forceRefresh: true)).Value!;

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(second.Value, concurrentForce.Value);
        Assert.Equal(2, harness.Handler.IssueCount);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var third = (await harness.Tokens.GetTokenAsync(harness.Credential, forceRefresh: true)).Value!;
        Assert.NotEqual(second.Value, third.Value);
        Assert.Equal(3, harness.Handler.IssueCount);
    }

    [Fact]
    public async Task SameTokenHandedBackNearExpiryIsNotAskedForInALoop()
    {
        var harness = new RestHarness();
        var fixedExpiry = harness.Time.GetUtcNow().AddMinutes(5).ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        harness.Handler.ExpiresDt = _ => fixedExpiry;

        for (var i = 0; i < 20; i++)
        {
            Assert.True((await harness.Tokens.GetTokenAsync(harness.Credential)).IsSuccess);
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 2 s of asking: issued at 0 s and after the 1 s back-off, not 20 times.
        Assert.Equal(2, harness.Handler.IssueCount);
    }

    [Fact]
    public async Task RevokeSendsTheTokenAndForgetsIt()
    {
        var harness = new RestHarness();
        var token = (await harness.Tokens.GetTokenAsync(harness.Credential)).Value!;

        var revoked = await harness.Tokens.RevokeAsync(harness.Credential);

        Assert.True(revoked.IsSuccess);
        Assert.True(revoked.Value);
        var revoke = Assert.Single(harness.Handler.Calls("au10002"));
        Assert.EndsWith("/oauth2/revoke", revoke.Uri.AbsolutePath);
        Assert.Contains($"\"token\":\"{token.Value}\"", revoke.Body);
        await harness.Tokens.GetTokenAsync(harness.Credential);
        Assert.Equal(2, harness.Handler.IssueCount);
    }

    [Fact]
    public async Task DisposeRevokesEveryLiveToken()
    {
        var harness = new RestHarness();
        var other = harness.Credential with { AppKey = "SECOND-APPKEY-11112222333344445555" };
        await harness.Tokens.GetTokenAsync(harness.Credential);
        await harness.Tokens.GetTokenAsync(other);

        await harness.Tokens.DisposeAsync();

        Assert.Equal(2, harness.Handler.Calls("au10002").Count());
    }

    [Fact]
    public async Task SynchronousDisposeForgetsTokensAndWarnsThatTheyWereNotRevoked()
    {
        var harness = new RestHarness();
        await harness.Tokens.GetTokenAsync(harness.Credential);

        harness.Tokens.Dispose();

        Assert.Empty(harness.Handler.Calls("au10002"));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 1112);
        await harness.Tokens.GetTokenAsync(harness.Credential);
        Assert.Equal(2, harness.Handler.IssueCount);
    }

    [Fact]
    public async Task IssueAnswerWithoutExpiryIsADecodeError()
    {
        var harness = new RestHarness();
        harness.Handler.RespondToIssue = _ => FakeKiwoomHandler.Json("""{"token":"abc","return_code":0,"return_msg":"ok"}""");

        var result = await harness.Tokens.GetTokenAsync(harness.Credential);

        Assert.Equal(KiwoomErrorKind.Decode, result.Error!.Kind);
    }
}
