namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class TokenLifetimeTests
{
    [Fact]
    public async Task TokenExpiresAfterTheConfiguredLifetime()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(10));
        var token = await sim.TokenAsync();
        Assert.Equal(0, (await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token)).ReturnCode);

        sim.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token);
        Assert.Contains("[8005:", response.ReturnMessage);
    }

    [Fact]
    public async Task SixthCallWithinOneSecondIs1700WithHttp429AndTheWindowSlides()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.RateLimitPerSecond = 5);
        var token = await sim.TokenAsync();
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(0, (await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token)).ReturnCode);
        }

        var limited = await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token);
        Assert.Equal(429, limited.Status);
        Assert.Equal(5, limited.ReturnCode);
        Assert.Contains("[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=ka10001]", limited.ReturnMessage);

        // Another TR has its own bucket; after a second the first bucket has room again.
        Assert.Equal(0, (await sim.CallAsync("ka10004", "/api/dostk/mrkcond", new { stk_cd = "005930" }, token)).ReturnCode);
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token)).ReturnCode);
    }

    [Fact]
    public async Task StrictModeRejectsUnknownKeysAndKeysOfTheOtherEnvironment()
    {
        await using var sim = await SimulatorHost.StartAsync(o =>
        {
            o.StrictCredentials = true;
            o.Plays = KiwoomEnvironment.Mock;
            o.Keys.Add(new ProvisionedKey { AppKey = "mock-key", SecretKey = "mock-secret", Environment = KiwoomEnvironment.Mock });
            o.Keys.Add(new ProvisionedKey { AppKey = "real-key", SecretKey = "real-secret", Environment = KiwoomEnvironment.Production });
        });

        using var unknown = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "who", secretkey = "x" });
        using var wrongEnv = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "real-key", secretkey = "real-secret" });
        using var ok = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "mock-key", secretkey = "mock-secret" });

        Assert.Contains("[8001:", unknown.RootElement.GetProperty("return_msg").GetString());
        Assert.Contains("[8030:", wrongEnv.RootElement.GetProperty("return_msg").GetString());
        Assert.Equal(0, ok.RootElement.GetProperty("return_code").GetInt32());
    }

    [Fact]
    public async Task ControlSurfaceForces429AndExpiresTokens()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.TokenAsync();

        sim.Control.ForceRateLimit(true);
        Assert.Equal(429, (await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token)).Status);
        sim.Control.ForceRateLimit(false);
        sim.Control.ExpireTokens();

        Assert.Contains("[8005:", (await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token)).ReturnMessage);
        Assert.Equal(0, (await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, await sim.TokenAsync())).ReturnCode);
    }
}
