using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Kiwoom.Tests.Cli;

/// <summary>
/// A Kiwoom stand-in on 127.0.0.1 with a random port: issues tokens, answers each REST call with
/// the reply the test scripted for it, and hands the realtime WebSocket to the test's script.
/// </summary>
internal sealed class ScriptedKiwoomServer : IAsyncDisposable
{
    public const string Token = "TOKEN-b7e9d1c3a5f7e9d1c3a5f7e9d1c3a5f7";

    private WebApplication app = null!;

    /// <summary>What the CLI sent to the REST paths, in order.</summary>
    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    /// <summary>The bodies of the token requests (au10001), in order.</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>The answer to each REST call; the default fails the test loudly.</summary>
    public Func<ScriptedRequest, ScriptedReply> Reply { get; set; } = request => throw new InvalidOperationException($"No reply scripted for {request.ApiId}.");

    /// <summary>What happens on the realtime socket after it is accepted.</summary>
    public Func<WebSocket, CancellationToken, Task> Socket { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>The token answer; a test replaces it to make the issue fail.</summary>
    public string TokenAnswer { get; set; } =
        $$"""{"expires_dt":"20991231235959","token_type":"bearer","token":"{{Token}}","return_code":0,"return_msg":"정상적으로 처리되었습니다"}""";

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ScriptedKiwoomServer> StartAsync()
    {
        var server = new ScriptedKiwoomServer();
        (server.app, server.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.Map("/api/dostk/websocket", (HttpContext http) => LoopbackServer.AcceptWebSocketAsync(http, server.Socket));
            app.MapPost("/oauth2/token", server.IssueAsync);
            app.MapPost("/api/dostk/{group}", server.AnswerAsync);
        });
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(app);

    private async Task AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var request = new ScriptedRequest(
            http.Request.Path,
            http.Request.Headers["api-id"].ToString(),
            http.Request.Headers.Authorization.ToString(),
            http.Request.Headers["cont-yn"].ToString(),
            http.Request.Headers["next-key"].ToString(),
            await reader.ReadToEndAsync(http.RequestAborted));
        Requests.Enqueue(request);
        await WriteAsync(http, Reply(request));
    }

    private async Task IssueAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        TokenRequests.Enqueue(await reader.ReadToEndAsync(http.RequestAborted));
        await WriteAsync(http, new ScriptedReply(TokenAnswer));
    }

    private async Task WriteAsync(HttpContext http, ScriptedReply reply)
    {
        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = "application/json;charset=UTF-8";
        if (reply.NextKey is not null)
        {
            http.Response.Headers["cont-yn"] = "Y";
            http.Response.Headers["next-key"] = reply.NextKey;
        }

        await http.Response.WriteAsync(reply.Body, Encoding.UTF8);
    }
}

/// <summary>One REST call as the scripted server received it.</summary>
internal sealed record ScriptedRequest(string Path, string ApiId, string Authorization, string ContYn, string NextKey, string Body);

/// <summary>A scripted REST answer; <see cref="NextKey"/> set means <c>cont-yn: Y</c>.</summary>
internal sealed record ScriptedReply(string Body, int Status = 200, string? NextKey = null);
