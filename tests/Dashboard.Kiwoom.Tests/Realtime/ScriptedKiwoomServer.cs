using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Kiwoom.Tests.Realtime;

/// <summary>
/// A Kestrel WebSocket server on 127.0.0.1 (free port) that the tests script: it records every
/// client message and answers through <see cref="Answer"/> (LOGIN ok and REG/REMOVE acks by default).
/// </summary>
internal sealed class ScriptedKiwoomServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private WebApplication _app = null!;
    private readonly Channel<ServerConnection> _connections = Channel.CreateUnbounded<ServerConnection>();
    private int _connectionCount;

    private ScriptedKiwoomServer() => Answer = DefaultAnswer;

    public Uri BaseUrl { get; private set; } = null!;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Replies to one client message; tests replace it to script condition search or failures.</summary>
    public Func<JsonElement, IEnumerable<string>> Answer { get; set; }

    /// <summary>Answers for successive LOGINs; when empty, LOGIN succeeds.</summary>
    public Queue<string> LoginAnswers { get; } = new();

    public const string LoginOk = """{"trnm":"LOGIN","return_code":0,"return_msg":"","sor_yn":"Y"}""";

    public KiwoomCredential Credential => new("test-app-key-0123456789", "test-secret-0123456789", KiwoomEnvironment.Simulator, BaseUrl);

    public static async Task<ScriptedKiwoomServer> StartAsync()
    {
        var server = new ScriptedKiwoomServer();
        (server._app, server.BaseUrl) = await LoopbackServer.StartAsync(
            app => app.Map("/api/dostk/websocket", (HttpContext http) => LoopbackServer.AcceptWebSocketAsync(http, server.RunConnectionAsync)));
        return server;
    }

    public static string Trnm(JsonElement message) =>
        message.TryGetProperty("trnm", out var t) ? t.GetString() ?? "" : "";

    public IEnumerable<string> DefaultAnswer(JsonElement message) => Trnm(message) switch
    {
        "LOGIN" => [LoginAnswers.Count > 0 ? LoginAnswers.Dequeue() : LoginOk],
        "REG" => ["""{"trnm":"REG","return_code":0,"return_msg":""}"""],
        "REMOVE" => ["""{"trnm":"REMOVE","return_code":0,"return_msg":""}"""],
        _ => [],
    };

    public async Task<ServerConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(_app);

    private async Task RunConnectionAsync(WebSocket socket, CancellationToken ct)
    {
        var connection = new ServerConnection(socket, this);
        Interlocked.Increment(ref _connectionCount);
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync(ct);
    }
}

/// <summary>One accepted client socket: what it sent, and ways to send, split, close or cut it.</summary>
internal sealed class ServerConnection(WebSocket socket, ScriptedKiwoomServer server)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();

    public async Task<string> ReceiveAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(ScriptedKiwoomServer.Timeout);

    /// <summary>The next client message, or null once the connection is over.</summary>
    public async Task<string?> TryReceiveAsync() =>
        await _received.Reader.WaitToReadAsync().AsTask().WaitAsync(ScriptedKiwoomServer.Timeout) && _received.Reader.TryRead(out var text) ? text : null;

    /// <summary>Reads client messages until one has <paramref name="trnm"/>; others are returned too.</summary>
    public async Task<(JsonElement Match, List<string> Skipped)> ReceiveUntilAsync(string trnm)
    {
        var skipped = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var text = await ReceiveAsync();
            var element = JsonDocument.Parse(text).RootElement;
            if (ScriptedKiwoomServer.Trnm(element) == trnm)
            {
                return (element, skipped);
            }

            skipped.Add(text);
        }

        throw new InvalidOperationException($"No {trnm} among 100 client messages.");
    }

    /// <summary>Sends a text message, optionally cut into WebSocket fragments of <paramref name="chunk"/> bytes.</summary>
    public async Task SendAsync(string text, int? chunk = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var size = chunk ?? bytes.Length;
        await _send.WaitAsync();
        try
        {
            for (var at = 0; at < bytes.Length; at += size)
            {
                var length = Math.Min(size, bytes.Length - at);
                await socket.SendAsync(bytes.AsMemory(at, length), WebSocketMessageType.Text, at + length == bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Like <see cref="SendAsync"/>, but false when the client has already gone.</summary>
    public async Task<bool> TrySendAsync(string text)
    {
        try
        {
            await SendAsync(text);
            return true;
        }
        catch (WebSocketException)
        {
            return false;
        }
    }

    public void Abort() => socket.Abort();

    public async Task RunAsync(CancellationToken aborted)
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), aborted);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, count);
                _received.Writer.TryWrite(text);
                foreach (var answer in server.Answer(JsonDocument.Parse(text).RootElement))
                {
                    await SendAsync(answer);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test cut the socket: the connection is over either way.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
