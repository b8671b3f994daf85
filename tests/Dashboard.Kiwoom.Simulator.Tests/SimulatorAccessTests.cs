using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>What keeps a simulator that anyone can reach from handing out tokens and accounts to anyone.</summary>
public sealed class SimulatorAccessTests
{
    [Fact]
    public async Task NamingAnotherKeyWithoutItsSecretGets8001NotItsToken()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var owner = await sim.TokenAsync("member-key", "member-secret");

        using var stranger = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "member-key", secretkey = "guessed" });

        Assert.Contains("[8001:", stranger.RootElement.GetProperty("return_msg").GetString());
        Assert.False(stranger.RootElement.TryGetProperty("token", out _));
        Assert.Equal(owner, await sim.TokenAsync("member-key", "member-secret"));
    }

    [Fact]
    public async Task NewKeysBeyondTheAccountCapAreRefusedWith8100()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.MaxAccounts = 2);
        await sim.TokenAsync("key-1", "secret-1");
        await sim.TokenAsync("key-2", "secret-2");

        using var third = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "key-3", secretkey = "secret-3" });

        Assert.Equal(3, third.RootElement.GetProperty("return_code").GetInt32());
        Assert.Contains("[8100:", third.RootElement.GetProperty("return_msg").GetString());
        Assert.False(string.IsNullOrEmpty(await sim.TokenAsync("key-1", "secret-1")), "an existing key still gets its token");
    }

    [Fact]
    public async Task TokenRequestsFromOneAddressAreLimitedPerMinute()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.TokenIssuesPerMinutePerAddress = 3);
        for (var k = 0; k < 3; k++)
        {
            await sim.TokenAsync($"key-{k}", "secret");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token") { Content = System.Net.Http.Json.JsonContent.Create(new { grant_type = "client_credentials", appkey = "key-9", secretkey = "secret" }) };
        using var limited = await sim.Http.SendAsync(request);
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("[1700:", body.RootElement.GetProperty("return_msg").GetString());
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(string.IsNullOrEmpty(await sim.TokenAsync("key-9", "secret")), "the window slides");
    }

    [Fact]
    public async Task AKnownKeyWithItsOwnSecretIsNeverCountedSoReconnectsAreNotRefused()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.TokenIssuesPerMinutePerAddress = 3);
        for (var k = 0; k < 3; k++)
        {
            await sim.TokenAsync($"key-{k}", "secret");
        }

        for (var again = 0; again < 10; again++)
        {
            Assert.False(string.IsNullOrEmpty(await sim.TokenAsync($"key-{again % 3}", "secret")), $"reconnect {again} of a known key");
        }

        using var newKey = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "key-new", secretkey = "secret" });
        Assert.Contains("[1700:", newKey.RootElement.GetProperty("return_msg").GetString());
    }

    [Fact]
    public async Task WrongSecretsForAKnownKeyAreCountedSoGuessingIsThrottled()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.TokenIssuesPerMinutePerAddress = 3);
        await sim.TokenAsync("member-key", "member-secret");
        var answers = new List<string>();
        for (var guess = 0; guess < 4; guess++)
        {
            using var doc = await sim.PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = "member-key", secretkey = $"guess-{guess}" });
            answers.Add(doc.RootElement.GetProperty("return_msg").GetString()!);
        }

        // The first (new-key) request took one of the three; two guesses get 8001, then the address is limited.
        Assert.Contains("[8001:", answers[0]);
        Assert.Contains("[8001:", answers[1]);
        Assert.Contains("[1700:", answers[2]);
        Assert.Contains("[1700:", answers[3]);
    }

    [Fact]
    public async Task AHostThatExemptsLoopbackStillLimitsNewKeysFromRemoteCallers()
    {
        await using var app = await StartLoopbackOnlyAsync(o =>
        {
            o.TokenIssuesPerMinutePerAddress = 3;
            o.TokenLimitExemptsLoopback = true;
        }, loopbackOnly: false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };

        var local = new List<HttpStatusCode>();
        for (var k = 0; k < 10; k++)
        {
            using var response = await http.PostAsync("/sim/oauth2/token", System.Net.Http.Json.JsonContent.Create(new { grant_type = "client_credentials", appkey = $"local-{k}", secretkey = "s" }));
            local.Add(response.StatusCode);
        }

        var remote = new List<HttpStatusCode>();
        for (var k = 0; k < 4; k++)
        {
            using var response = await http.SendAsync(Remote(HttpMethod.Post, "/sim/oauth2/token", new { grant_type = "client_credentials", appkey = $"remote-{k}", secretkey = "s" }));
            remote.Add(response.StatusCode);
        }

        Assert.All(local, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], remote);
    }

    [Fact]
    public async Task LoopbackOnlyEndpointsRefuseRemoteCallersOnEveryPathIncludingTheWebSocket()
    {
        await using var app = await StartLoopbackOnlyAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };
        var token = new { grant_type = "client_credentials", appkey = "k", secretkey = "s" };

        using var local = await http.PostAsync("/sim/oauth2/token", System.Net.Http.Json.JsonContent.Create(token));
        using var remoteToken = await http.SendAsync(Remote(HttpMethod.Post, "/sim/oauth2/token", token));
        using var remoteTr = await http.SendAsync(Remote(HttpMethod.Post, "/sim/api/dostk/stkinfo", new { stk_cd = "005930" }));
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(RemoteHeader, "203.0.113.7");
        var refused = await Record.ExceptionAsync(() => socket.ConnectAsync(new Uri($"ws://{address.Authority}/sim/api/dostk/websocket"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remoteToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remoteTr.StatusCode);
        Assert.IsType<WebSocketException>(refused);
    }

    private const string RemoteHeader = "X-Test-Remote-Address";

    private static HttpRequestMessage Remote(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add(RemoteHeader, "203.0.113.7");
        return request;
    }

    /// <summary>
    /// The simulator mapped as the dashboard maps it by default. Every test call comes from 127.0.0.1, so a test
    /// header stands in for a caller on another machine by setting the connection's remote address.
    /// </summary>
    private static async Task<WebApplication> StartLoopbackOnlyAsync(Action<SimulatorOptions>? configure = null, bool loopbackOnly = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(SimulatorHost.Start));
        builder.Services.AddKiwoomSimulator(o =>
        {
            o.AutoStart = false;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.Use((http, next) =>
        {
            if (http.Request.Headers.TryGetValue(RemoteHeader, out var remote))
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(remote.ToString());
            }

            return next(http);
        });
        var endpoints = app.MapKiwoomSimulator("/sim");
        if (loopbackOnly)
        {
            endpoints.RequireLoopbackCallers();
        }

        await app.StartAsync();
        return app;
    }
}
