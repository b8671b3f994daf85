using System.Net;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Kiwoom.Tests.Rest;

public sealed class KiwoomRestClientTests
{
    private static readonly TestBuyRequest Buy = new("KRX", "005930", "1", "70000", "0");

    [Fact]
    public async Task RequestCarriesApiIdBearerTokenJsonBodyAndProductUserAgent()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"stk_cd":"005930","cur_prc":"-70100","return_code":0,"return_msg":"조회가 완료되었습니다"}"""));

        var result = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.True(result.IsSuccess);
        Assert.Equal("-70100", result.Value.CurrentPrice);
        var sent = Assert.Single(harness.Handler.Calls("ka10001"));
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("http://127.0.0.1:5080/sim/api/dostk/stkinfo", sent.Uri.ToString());
        Assert.Equal("Bearer " + FakeKiwoomHandler.TokenNumber(0), sent.Header("authorization"));
        Assert.Equal("application/json; charset=UTF-8", sent.ContentType);
        Assert.Equal("KiwoomTeamDashboard/1.0", sent.Header("user-agent"));
        Assert.Equal("""{"stk_cd":"005930"}""", sent.Body);
        Assert.Null(sent.Header("cont-yn"));
        Assert.Null(sent.Header("next-key"));
    }

    [Theory]
    [InlineData(KiwoomEnvironment.Production, "https://api.kiwoom.com/api/dostk/stkinfo")]
    [InlineData(KiwoomEnvironment.Mock, "https://mockapi.kiwoom.com/api/dostk/stkinfo")]
    [InlineData(KiwoomEnvironment.Simulator, "http://127.0.0.1:5080/sim/api/dostk/stkinfo")]
    public async Task BaseUrlFollowsTheCredentialsEnvironment(KiwoomEnvironment environment, string expected)
    {
        // The fake handler answers in memory: nothing leaves the process, whatever the host name.
        var harness = new RestHarness(environment: environment);

        await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.Equal(expected, harness.Handler.Calls("ka10001").Single().Uri.ToString());
        Assert.EndsWith("/oauth2/token", harness.Handler.Calls("au10001").Single().Uri.ToString());
    }

    [Fact]
    public async Task ReturnCodeAsNumericStringIsUnderstood()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":"0","return_msg":"ok","stk_cd":"005930"}"""));

        Assert.True((await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"))).IsSuccess);

        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":"2","return_msg":"입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=stk_cd]"}"""));
        var failed = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest(""));
        Assert.Equal(KiwoomErrorKind.InvalidRequest, failed.Error!.Kind);
        Assert.Equal("1511", failed.Error.DetailCode);
    }

    [Fact]
    public async Task PagerFollowsContYnAndNextKeyUntilTheLastPage()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (request, _) =>
        {
            var page = request.Header("next-key") switch
            {
                null => 1,
                "KEY-2" => 2,
                "KEY-3" => 3,
                var other => throw new InvalidOperationException("unexpected next-key " + other),
            };
            var headers = page < 3 ? new[] { ("cont-yn", "Y"), ("next-key", $"KEY-{page + 1}") } : [("cont-yn", "N")];
            return Task.FromResult(FakeKiwoomHandler.Json($$"""{"cur_prc":"{{page}}","return_code":0,"return_msg":"ok"}""", HttpStatusCode.OK, headers));
        };

        var pages = new List<string?>();
        await foreach (var page in harness.Client.SendPagesAsync(harness.Credential, new TestQuoteRequest("005930")))
        {
            pages.Add(page.Value!.CurrentPrice);
        }

        Assert.Equal(["1", "2", "3"], pages);
        var sent = harness.Handler.Calls("ka10001").ToList();
        Assert.Equal([null, "Y", "Y"], sent.Select(r => r.Header("cont-yn")));
        Assert.Equal([null, "KEY-2", "KEY-3"], sent.Select(r => r.Header("next-key")));
        Assert.All(sent, r => Assert.Equal("""{"stk_cd":"005930"}""", r.Body));
    }

    [Fact]
    public async Task PagerStopsAtMaxPages()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":0,"return_msg":"ok"}""", HttpStatusCode.OK, ("cont-yn", "Y"), ("next-key", "again")));

        var count = 0;
        await foreach (var page in harness.Client.SendPagesAsync(harness.Credential, new TestQuoteRequest("005930"), maxPages: 3))
        {
            Assert.True(page.IsSuccess);
            count++;
        }

        Assert.Equal(3, count);
    }

    [Fact]
    public async Task PagerYieldsAFailedPageAndStops()
    {
        var harness = new RestHarness();
        var calls = 0;
        harness.Handler.Respond = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? FakeKiwoomHandler.Json("""{"return_code":0,"return_msg":"ok"}""", HttpStatusCode.OK, ("cont-yn", "Y"), ("next-key", "k"))
            : FakeKiwoomHandler.Json("""{"return_code":7,"return_msg":"서비스를 처리하는 중에 오류가 발생했습니다[1999:예기치 못한 에러가 발생했습니다. 실패사유=x]"}"""));

        var results = new List<KiwoomResult<TestQuoteResponse>>();
        await foreach (var page in harness.Client.SendPagesAsync(harness.Credential, new TestQuoteRequest("005930")))
        {
            results.Add(page);
        }

        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsSuccess);
        Assert.Equal("1999", results[1].Error!.DetailCode);
    }

    [Fact]
    public async Task ExpiredTokenIsReissuedOnceAndTheQuerySentAgain()
    {
        var harness = new RestHarness();
        await harness.Tokens.GetTokenAsync(harness.Credential);
        harness.Time.Advance(TimeSpan.FromHours(3));
        harness.Handler.Respond = (request, _) => Task.FromResult(request.Header("authorization") == "Bearer " + FakeKiwoomHandler.TokenNumber(0)
            ? Expired()
            : FakeKiwoomHandler.Json("""{"cur_prc":"70000","return_code":0,"return_msg":"ok"}"""));

        var result = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, harness.Handler.IssueCount);
        Assert.Equal(2, harness.Handler.Calls("ka10001").Count());
    }

    [Fact]
    public async Task ExpiredTokenOnAnOrderIsReissuedAndTheOrderSentOnceMore()
    {
        var harness = new RestHarness();
        await harness.Tokens.GetTokenAsync(harness.Credential);
        harness.Time.Advance(TimeSpan.FromHours(3));
        harness.Handler.Respond = (request, _) => Task.FromResult(request.Header("authorization") == "Bearer " + FakeKiwoomHandler.TokenNumber(0)
            ? Expired()
            : FakeKiwoomHandler.Json("""{"ord_no":"0000123","return_code":0,"return_msg":"매수주문이 완료되었습니다"}"""));

        var result = await harness.Client.SendAsync(harness.Credential, Buy);

        Assert.Equal("0000123", result.Value!.OrderNumber);
        Assert.Equal(2, harness.Handler.Calls("kt10000").Count());
    }

    [Fact]
    public async Task TokenRejectedTwiceIsReportedAfterOneReissue()
    {
        var harness = new RestHarness();
        await harness.Tokens.GetTokenAsync(harness.Credential);
        harness.Time.Advance(TimeSpan.FromHours(3));
        harness.Handler.Respond = (_, _) => Task.FromResult(Expired());

        var result = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.Equal(KiwoomErrorKind.TokenExpired, result.Error!.Kind);
        Assert.Equal(2, harness.Handler.IssueCount);
        Assert.Equal(2, harness.Handler.Calls("ka10001").Count());
    }

    [Fact]
    public async Task PersistentTokenRejectionIsReissuedAtMostOncePerGrowingInterval()
    {
        // REL-04: a caller retrying every 100 ms against a server that keeps answering 8005. The
        // query budget is opened wide so only the token source's spacing shapes the re-issues.
        var harness = new RestHarness(o => o.QueriesPerSecond = 1000);
        await harness.Tokens.GetTokenAsync(harness.Credential);
        harness.Time.Advance(TimeSpan.FromHours(3));
        harness.Handler.Respond = (_, _) => Task.FromResult(Expired());

        for (var i = 0; i < 320; i++)
        {
            var result = await harness.RunAsync(harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930")), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
            Assert.Equal(KiwoomErrorKind.TokenExpired, result.Error!.Kind);
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var issues = harness.Handler.Calls("au10001").Skip(1).Select(r => r.ReceivedAt).ToList();
        var gaps = issues.Zip(issues.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.InRange(issues.Count, 5, 7);
        Assert.All(gaps, g => Assert.True(g >= 1, $"re-issued after {g} s"));
        Assert.True(gaps.Zip(gaps.Skip(1)).All(p => p.Second > p.First), "gaps must grow: " + string.Join(", ", gaps));
    }

    [Fact]
    public async Task RateLimitedQueryWaitsOutThePauseAndSucceeds()
    {
        // REL-05 for queries: the bucket pauses, then the query goes out again.
        var harness = new RestHarness();
        var calls = 0;
        harness.Handler.Respond = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? FakeKiwoomHandler.Json("""{"return_code":5,"return_msg":"허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=ka10001]"}""", HttpStatusCode.TooManyRequests)
            : FakeKiwoomHandler.Json("""{"cur_prc":"1","return_code":0,"return_msg":"ok"}"""));

        var result = await harness.RunAsync(harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930")));

        Assert.True(result.IsSuccess);
        var sent = harness.Handler.Calls("ka10001").Select(r => r.ReceivedAt).ToList();
        Assert.Equal(2, sent.Count);
        Assert.True(sent[1] - sent[0] >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RateLimitedQueryGivesUpAfterTheConfiguredRetries()
    {
        var harness = new RestHarness(o => o.MaxRateLimitRetries = 2);
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("{}", HttpStatusCode.TooManyRequests));

        var result = await harness.RunAsync(harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930")));

        Assert.Equal(KiwoomErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(3, harness.Handler.Calls("ka10001").Count());
    }

    [Fact]
    public async Task RateLimitedOrderIsReturnedAndNeverResent()
    {
        // REL-05 for orders: the member decides whether to send again, never the library.
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":5,"return_msg":"허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=kt10000]"}""", HttpStatusCode.TooManyRequests));

        var result = await harness.Client.SendAsync(harness.Credential, Buy);

        Assert.Equal(KiwoomErrorKind.RateLimited, result.Error!.Kind);
        Assert.Single(harness.Handler.Calls("kt10000"));

        // The bucket is paused: the next order waits for it instead of hitting the server at once.
        var next = harness.Client.SendAsync(harness.Credential, Buy);
        harness.Time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(next.IsCompleted);
        Assert.Single(harness.Handler.Calls("kt10000"));
        await harness.RunAsync(next);
        Assert.Equal(2, harness.Handler.Calls("kt10000").Count());
    }

    [Fact]
    public async Task TimedOutOrderIsOutcomeUnknownAndNotResent()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };

        var result = await harness.RunAsync(harness.Client.SendAsync(harness.Credential, Buy), step: TimeSpan.FromSeconds(1));

        Assert.Equal(KiwoomErrorKind.Transport, result.Error!.Kind);
        Assert.True(result.Error.IsOutcomeUnknown);
        Assert.Contains("may or may not", result.Error.Message);
        Assert.Single(harness.Handler.Calls("kt10000"));
    }

    [Fact]
    public async Task ServerErrorOnAnOrderIsOutcomeUnknownAndNotResent()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("<html>oops</html>", HttpStatusCode.BadGateway));

        var result = await harness.Client.SendAsync(harness.Credential, Buy);

        Assert.True(result.Error!.IsOutcomeUnknown);
        Assert.Equal(502, result.Error.HttpStatus);
        Assert.Contains("may or may not", result.Error.Message);
        Assert.Single(harness.Handler.Calls("kt10000"));
    }

    [Fact]
    public async Task ConnectionFailureIsATransportError()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        var result = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.Equal(KiwoomErrorKind.Transport, result.Error!.Kind);
        Assert.Single(harness.Handler.Calls("ka10001"));
    }

    [Fact]
    public async Task CallerCancellationIsAnExceptionNotAResult()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        using var cts = new CancellationTokenSource();

        var pending = harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task MalformedBodyIsADecodeError()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":0,"cur_prc":"""));

        var result = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.Equal(KiwoomErrorKind.Decode, result.Error!.Kind);
    }

    [Fact]
    public async Task WafHtmlPageIsAProtocolError()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("<html><body>Request Blocked</body></html>", HttpStatusCode.BadRequest));

        var result = await harness.Client.SendAsync(harness.Credential, new TestQuoteRequest("005930"));

        Assert.Equal(KiwoomErrorKind.Protocol, result.Error!.Kind);
        Assert.Equal(400, result.Error.HttpStatus);
    }

    [Fact]
    public async Task RawSendLooksUpThePathAndReturnsHeadersAndBody()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":0,"return_msg":"ok","stk_dt_pole_chart_qry":[]}""", HttpStatusCode.OK, ("cont-yn", "Y"), ("next-key", "A00593020260304"), ("api-id", "ka10081")));

        var result = await harness.Client.SendRawAsync(harness.Credential, "ka10081", JsonNode.Parse("""{"stk_cd":"005930","base_dt":"20260304","upd_stkpc_tp":"1"}"""), new KiwoomContinuation("PREV"));

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.IsSuccess);
        Assert.Equal("A00593020260304", result.Value.Next?.NextKey);
        Assert.Equal("ka10081", result.Value.ApiId);
        Assert.Contains("stk_dt_pole_chart_qry"u8.ToArray(), result.Value.Body.ToArray());
        var sent = harness.Handler.Calls("ka10081").Single();
        Assert.EndsWith("/api/dostk/chart", sent.Uri.AbsolutePath);
        Assert.Equal("PREV", sent.Header("next-key"));
    }

    [Fact]
    public async Task RawSendKeepsTheBodyOfABrokerError()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""{"return_code":2,"return_msg":"입력 값 오류입니다[1517:입력 값 형식이 올바르지 않습니다. 파라미터=base_dt 실패사유= 날짜]"}"""));

        var result = await harness.Client.SendRawAsync(harness.Credential, "ka10081", "{}"u8.ToArray());

        Assert.True(result.IsSuccess);
        Assert.Equal("1517", result.Value.Error!.DetailCode);
        Assert.NotEmpty(result.Value.Body.ToArray());
    }

    [Theory]
    [InlineData("xx99999")]
    [InlineData("au10001")]
    [InlineData("ka10171")]
    public void RawSendRefusesWhatIsNotARestQueryOrOrder(string apiId)
    {
        var harness = new RestHarness();

        // Misuse is refused before anything is sent, synchronously.
        Assert.Throws<ArgumentException>(() => { _ = harness.Client.SendRawAsync(harness.Credential, apiId, "{}"u8.ToArray()); });
        Assert.Empty(harness.Handler.Requests);
    }

    private static HttpResponseMessage Expired() =>
        FakeKiwoomHandler.Json("""{"return_code":3,"return_msg":"인증에 실패했습니다[8005:Token이 유효하지 않습니다]"}""");
}
