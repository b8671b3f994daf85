using Dashboard.Kiwoom.Errors;

namespace Dashboard.Kiwoom.Tests.Errors;

public sealed class KiwoomErrorsTests
{
    // Every code of PROTOCOL.md 5 with the kind and advice it must map to, written out independently
    // of KiwoomErrorCodes so a wrong row there fails here.
    public static TheoryData<string, KiwoomErrorKind, KiwoomErrorAdvice> TableCodes => new()
    {
        { "1501", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1504", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1505", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1511", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput },
        { "1512", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1513", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1514", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1515", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1516", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1517", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput },
        { "1687", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "1700", KiwoomErrorKind.RateLimited, KiwoomErrorAdvice.RateLimited },
        { "1701", KiwoomErrorKind.RateLimited, KiwoomErrorAdvice.RateLimited },
        { "1702", KiwoomErrorKind.RateLimited, KiwoomErrorAdvice.RateLimited },
        { "1901", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput },
        { "1902", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput },
        { "1903", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput },
        { "1999", KiwoomErrorKind.Server, KiwoomErrorAdvice.None },
        { "8001", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.WrongKey },
        { "8002", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.WrongKey },
        { "8003", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater },
        { "8005", KiwoomErrorKind.TokenExpired, KiwoomErrorAdvice.TokenExpired },
        { "8006", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater },
        { "8009", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater },
        { "8010", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp },
        { "8011", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "8012", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "8015", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater },
        { "8016", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug },
        { "8020", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.WrongKey },
        { "8030", KiwoomErrorKind.EnvironmentMismatch, KiwoomErrorAdvice.EnvironmentMismatch },
        { "8031", KiwoomErrorKind.EnvironmentMismatch, KiwoomErrorAdvice.EnvironmentMismatch },
        { "8040", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp },
        { "8050", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp },
        { "8103", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp },
        { "8104", KiwoomErrorKind.NotSupported, KiwoomErrorAdvice.NotSupportedInMock },
        { "8200", KiwoomErrorKind.NotSupported, KiwoomErrorAdvice.NotSupportedForCorporate },
    };

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void EveryTableCodeInsideReturnMsgMapsToItsKindAndAdvice(string code, KiwoomErrorKind kind, KiwoomErrorAdvice advice)
    {
        var error = KiwoomErrors.FromResponse(200, 3, $"인증에 실패했습니다[{code}:설명 텍스트]");

        Assert.NotNull(error);
        Assert.Equal(code, error.DetailCode);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(advice, KiwoomErrors.Advise(error));
        Assert.Equal(3, error.ReturnCode);
        Assert.Equal(200, error.HttpStatus);
    }

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void EveryTableCodeAsTopLevelReturnCodeMapsToTheSameKind(string code, KiwoomErrorKind kind, KiwoomErrorAdvice advice)
    {
        var error = KiwoomErrors.FromResponse(200, int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), "오류");

        Assert.NotNull(error);
        Assert.Equal(code, error.DetailCode);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(advice, KiwoomErrors.Advise(error));
    }

    [Fact]
    public void TheTableHoldsExactlyThePublishedThirtySevenCodes()
    {
        var expected = TableCodes.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(37, KiwoomErrorCodes.Table.Count);
        Assert.True(expected.SetEquals(KiwoomErrorCodes.Table.Select(c => c.Code)));
    }

    [Theory]
    [InlineData("인증에 실패했습니다[8005:Token이 유효하지 않습니다]", "8005")]
    [InlineData("[2000](RC4058:모의투자 장종료)", "RC4058")]
    [InlineData("[2000](855056:매수증거금이 부족합니다. 6주 매수가능)", "855056")]
    [InlineData("토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]", "8005")]
    [InlineData("허용된 요청 개수를 초과하였습니다[1634]", "1634")]
    [InlineData("허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. API ID=kt00001]", "1700")]
    [InlineData("입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=base_dt]", "1511")]
    [InlineData("[2000]", "2000")]
    public void DetailCodeIsFoundInEveryEmbeddingSeenLive(string message, string code)
    {
        Assert.Equal(code, KiwoomErrors.ExtractDetailCode(message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("정상적으로 처리되었습니다")]
    [InlineData("조회가 완료되었습니다.")]
    [InlineData("[CODE=, MESSAGE=]")]
    public void MessagesWithoutACodeHaveNoDetailCode(string? message)
    {
        Assert.Null(KiwoomErrors.ExtractDetailCode(message));
    }

    [Fact]
    public void SuccessIsHttp2xxWithReturnCodeZero()
    {
        Assert.Null(KiwoomErrors.FromResponse(200, 0, "정상적으로 처리되었습니다"));
        Assert.NotNull(KiwoomErrors.FromResponse(500, 0, "정상적으로 처리되었습니다"));
    }

    [Fact]
    public void MockMarketClosedIsARejectedOrderWithMarketClosedAdvice()
    {
        var error = KiwoomErrors.FromResponse(200, 20, "[2000](RC4058:모의투자 장종료)")!;

        Assert.Equal(KiwoomErrorKind.Rejected, error.Kind);
        Assert.Equal("RC4058", error.DetailCode);
        Assert.Equal(KiwoomErrorAdvice.MarketClosed, KiwoomErrors.Advise(error, ApiKind.Order));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void UnknownOrderBusinessCodeIsStillARejection()
    {
        var error = KiwoomErrors.FromResponse(200, 20, "[2000](308003:주문단가를 입력하십시요)")!;

        Assert.Equal(KiwoomErrorKind.Rejected, error.Kind);
        Assert.Equal("308003", error.DetailCode);
        Assert.Equal(KiwoomErrorAdvice.OrderRejected, KiwoomErrors.Advise(error, ApiKind.Order));
    }

    [Fact]
    public void BatchOverLimitIsPermanentNotARateLimit()
    {
        var error = KiwoomErrors.FromResponse(200, 5, "허용된 요청 개수를 초과하였습니다[1634]")!;

        Assert.Equal(KiwoomErrorKind.InvalidRequest, error.Kind);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Http429WithoutEnvelopeIsRateLimited()
    {
        var error = KiwoomErrors.FromResponse(429, null, null)!;

        Assert.Equal(KiwoomErrorKind.RateLimited, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Equal(KiwoomErrorAdvice.RateLimited, KiwoomErrors.Advise(error));
    }

    [Fact]
    public void Http401IsAnExpiredToken()
    {
        Assert.Equal(KiwoomErrorKind.TokenExpired, KiwoomErrors.FromResponse(401, null, null)!.Kind);
    }

    [Fact]
    public void ServerErrorLeavesAnOrderOutcomeUnknown()
    {
        var error = KiwoomErrors.FromResponse(503, null, null)!;

        Assert.Equal(KiwoomErrorKind.Transport, error.Kind);
        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(KiwoomErrorAdvice.CheckOrderStatus, KiwoomErrors.Advise(error, ApiKind.Order));
        Assert.Equal(KiwoomErrorAdvice.RetryLater, KiwoomErrors.Advise(error, ApiKind.Query));
    }

    [Fact]
    public void WafHtmlPageIsAProtocolError()
    {
        var error = KiwoomErrors.FromResponse(400, null, null)!;

        Assert.Equal(KiwoomErrorKind.Protocol, error.Kind);
        Assert.Equal(KiwoomErrorAdvice.ClientBug, KiwoomErrors.Advise(error));
    }

    [Theory]
    [InlineData(2, KiwoomErrorKind.InvalidRequest)]
    [InlineData(3, KiwoomErrorKind.Authentication)]
    [InlineData(5, KiwoomErrorKind.RateLimited)]
    [InlineData(7, KiwoomErrorKind.Server)]
    [InlineData(20, KiwoomErrorKind.Rejected)]
    [InlineData(1, KiwoomErrorKind.Server)]
    public void ReturnCodeWithoutDetailFallsBackToItsCategory(int returnCode, KiwoomErrorKind kind)
    {
        Assert.Equal(kind, KiwoomErrors.FromResponse(200, returnCode, "카테고리 문장")!.Kind);
    }

    [Fact]
    public void WebSocketLoginFailureCarriesTheTokenCodeWithoutHttpStatus()
    {
        var error = KiwoomErrors.FromEnvelope(3, "토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]")!;

        Assert.Equal(KiwoomErrorKind.TokenExpired, error.Kind);
        Assert.Null(error.HttpStatus);
        Assert.Null(KiwoomErrors.FromEnvelope(0, ""));
    }

    [Fact]
    public void TransportFailureOfAQueryAdvisesRetryAndOfAnOrderAdvisesChecking()
    {
        var error = KiwoomErrors.Transport("connection refused");

        Assert.Equal(KiwoomErrorAdvice.RetryLater, KiwoomErrors.Advise(error));
        Assert.Equal(KiwoomErrorAdvice.CheckOrderStatus, KiwoomErrors.Advise(error, ApiKind.Order));
    }
}
