namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class RestErrorTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly SimulatorHost _sim = shared.Sim;
    private readonly string _token = shared.Token;

    [Fact]
    public async Task TokenResponseCarriesKoreaTimeExpiry()
    {
        using var doc = await _sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "expiry-key", secretkey = "s" });
        var expires = DateTime.ParseExact(doc.RootElement.GetProperty("expires_dt").GetString()!, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var expectedKst = _sim.Clock.GetUtcNow().UtcDateTime.AddHours(9).AddHours(24);

        Assert.Equal(expectedKst, expires);
        Assert.Equal(86, doc.RootElement.GetProperty("token").GetString()!.Length);
        Assert.Equal(0, doc.RootElement.GetProperty("return_code").GetInt32());
    }

    [Theory]
    [InlineData("{}", "8011")]
    [InlineData("{\"grant_type\":\"password\",\"appkey\":\"a\",\"secretkey\":\"b\"}", "8012")]
    [InlineData("{\"grant_type\":\"client_credentials\",\"appkey\":\"\",\"secretkey\":\"b\"}", "8020")]
    public async Task BadTokenRequestsGetKiwoomCodes(string body, string code)
    {
        var response = await _sim.CallAsync("au10001", "/oauth2/token", body, null);

        Assert.Equal(3, response.ReturnCode);
        Assert.Contains($"[{code}:", response.ReturnMessage);
    }

    [Fact]
    public async Task MissingApiIdIs1501()
    {
        var response = await _sim.CallAsync("", "/api/dostk/stkinfo", new { stk_cd = "005930" }, _token);
        Assert.Contains("[1501:", response.ReturnMessage);
    }

    [Fact]
    public async Task ApiIdOnTheWrongPathIs1504()
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/chart", new { stk_cd = "005930" }, _token);
        Assert.Equal(2, response.ReturnCode);
        Assert.Contains("[1504:", response.ReturnMessage);
        Assert.Contains("URI=/api/dostk/chart", response.ReturnMessage);
    }

    [Fact]
    public async Task UnknownApiIdIs1505()
    {
        var response = await _sim.CallAsync("ka99999", "/api/dostk/stkinfo", new { }, _token);
        Assert.Contains("[1505:", response.ReturnMessage);
    }

    [Fact]
    public async Task MissingRequiredFieldIs1511NamingTheField()
    {
        var response = await _sim.CallAsync("ka10081", "/api/dostk/chart", new { stk_cd = "005930", upd_stkpc_tp = "1" }, _token);
        Assert.Equal(2, response.ReturnCode);
        Assert.EndsWith("[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=base_dt]", response.ReturnMessage);
    }

    [Fact]
    public async Task OverlongValueIs1517()
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = new string('9', 30) }, _token);
        Assert.Contains("[1517:", response.ReturnMessage);
    }

    [Fact]
    public async Task MalformedDateIs1517()
    {
        var response = await _sim.CallAsync("ka10081", "/api/dostk/chart", new { stk_cd = "005930", base_dt = "2025-09-08", upd_stkpc_tp = "1" }, _token);
        Assert.Contains("[1517:", response.ReturnMessage);
    }

    [Fact]
    public async Task UnknownStockIs1902()
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "999999" }, _token);
        Assert.Contains("[1902:", response.ReturnMessage);
        Assert.Contains("종목코드=999999", response.ReturnMessage);
    }

    [Fact]
    public async Task VenueSuffixedCodesAreAccepted()
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930_AL" }, _token);
        Assert.Equal(0, response.ReturnCode);
    }

    [Theory]
    [InlineData(null, "1513")]
    [InlineData("garbage", "1514")]
    [InlineData("Basic abc", "1515")]
    [InlineData("Bearer", "1516")]
    public async Task AuthorizationHeaderProblemsGetTheirCodes(string? header, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dostk/stkinfo") { Content = new StringContent("{\"stk_cd\":\"005930\"}") };
        request.Headers.TryAddWithoutValidation("api-id", "ka10001");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", header);
        }

        using var response = await _sim.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"[{code}:", text);
    }

    [Fact]
    public async Task UnknownTokenIs8005WithHttp200()
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, "no-such-token");
        Assert.Equal(200, response.Status);
        Assert.Equal(3, response.ReturnCode);
        Assert.Equal("인증에 실패했습니다[8005:Token이 유효하지 않습니다]", response.ReturnMessage);
    }

    [Fact]
    public async Task RevokedTokenIs8005()
    {
        var token = await _sim.TokenAsync("revoke-key", "s");
        using var revoked = await _sim.PostJsonAsync("/oauth2/revoke", null, new { appkey = "revoke-key", secretkey = "s", token });
        Assert.Equal(0, revoked.RootElement.GetProperty("return_code").GetInt32());

        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token);
        Assert.Contains("[8005:", response.ReturnMessage);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    public async Task BodyThatIsNotAJsonObjectIs1517(string body)
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", body, _token);
        Assert.Contains("[1517:", response.ReturnMessage);
    }

    [Fact]
    public async Task OversizedBodyIsRefused()
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", "{\"stk_cd\":\"005930\",\"pad\":\"" + new string('x', 100_000) + "\"}", _token);
        Assert.Contains("[1517:", response.ReturnMessage);
    }
}
