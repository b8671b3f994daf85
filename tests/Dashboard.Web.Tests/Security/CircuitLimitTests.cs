using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-22: one member may hold at most the configured number of circuit connections.</summary>
public sealed class CircuitLimitTests : IAsyncLifetime
{
    private const int MaxCircuits = 2;

    private readonly DashboardFactory factory = new(new Dictionary<string, string?> { ["Dashboard:MaxCircuitsPerMember"] = "2" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<string> SignInCookieAsync(string email)
    {
        await TestMembers.CreateAsync(factory.Services, email, DashboardRoles.Viewer);
        var response = await Browserless.LoginAsync(factory.CreateClient(), email, TestMembers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-dashboard=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    private async Task<WebSocket> ConnectAsync(string cookie)
    {
        var client = factory.CreateClient();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Cookie", cookie);
        var answer = await client.SendAsync(negotiate);
        answer.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Cookie = cookie;
        return await sockets.ConnectAsync(new Uri($"wss://dashboard.test/_blazor?id={token}"), CancellationToken.None);
    }

    [Fact]
    public async Task ConnectionBeyondTheLimitIsRejectedAndAClosedOneFreesASlot()
    {
        var cookie = await SignInCookieAsync("phone@team.test");
        var open = new List<WebSocket>();
        for (var i = 0; i < MaxCircuits; i++)
        {
            open.Add(await ConnectAsync(cookie));
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(cookie));
        Assert.Contains("429", refused.Message);

        // Another member is not affected by the first one's count.
        var otherCookie = await SignInCookieAsync("desk@team.test");
        var other = await ConnectAsync(otherCookie);

        await open[0].CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        WebSocket? replacement = null;
        while (replacement is null && DateTime.UtcNow < deadline)
        {
            try
            {
                replacement = await ConnectAsync(cookie);
            }
            catch (InvalidOperationException)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(replacement);
        foreach (var socket in open.Skip(1).Append(other).Append(replacement))
        {
            socket.Abort();
        }
    }

    [Fact]
    public async Task LongPollingIsNotAcceptedForCircuits()
    {
        var cookie = await SignInCookieAsync("poller@team.test");
        using var request = new HttpRequestMessage(HttpMethod.Get, "_blazor?id=anything");
        request.Headers.Add("Cookie", cookie);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
