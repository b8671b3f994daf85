using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Kiwoom.DependencyInjection;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Tests.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>The whole send path over real HTTP to a small Kiwoom stand-in on 127.0.0.1, with the real clock.</summary>
public sealed class LoopbackKiwoomTests
{
    [Fact]
    public async Task ParallelQueriesOverRealHttpArriveWithinTheBudgetAndCorrectHeaders()
    {
        var arrivals = new ConcurrentQueue<(TimeSpan At, string? ApiId, string? Authorization, string? ContentType)>();
        var clock = Stopwatch.StartNew();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/oauth2/token", () => Results.Text(
            $$"""{"expires_dt":"{{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).AddDays(1):yyyyMMddHHmmss}}","token_type":"Bearer","token":"LOOPBACKTOKEN","return_code":0,"return_msg":"정상적으로 처리되었습니다"}""",
            "application/json; charset=utf-8"));
        app.MapPost("/api/dostk/stkinfo", (HttpRequest request) =>
        {
            arrivals.Enqueue((clock.Elapsed, request.Headers["api-id"], request.Headers.Authorization, request.ContentType));
            return Results.Text("""{"stk_cd":"005930","cur_prc":"+70100","return_code":0,"return_msg":"조회가 완료되었습니다"}""", "application/json; charset=utf-8");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var services = new ServiceCollection().AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        services.AddKiwoomClient(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<KiwoomRestClient>();
        var credential = new KiwoomCredential("LOOPBACK-APPKEY-0123456789", "LOOPBACK-SECRET-0123456789", KiwoomEnvironment.Simulator, new Uri(address));

        var results = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(_ => Task.Run(() => client.SendAsync(credential, new TestQuoteRequest("005930")))))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.Equal("+70100", r.Value!.CurrentPrice));
        Assert.Equal(12, arrivals.Count);
        var origin = DateTimeOffset.UnixEpoch;
        Assert.True(KiwoomRateLimiterTests.MaxInAnySecond(arrivals.Select(a => origin + a.At)) <= 5);
        Assert.All(arrivals, a =>
        {
            Assert.Equal("ka10001", a.ApiId);
            Assert.Equal("Bearer LOOPBACKTOKEN", a.Authorization);
            Assert.Equal("application/json;charset=UTF-8", a.ContentType);
        });
        await app.StopAsync();
    }
}
