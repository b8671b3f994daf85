using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>A raw ClientWebSocket that speaks the Kiwoom frames; every wait has a deadline.</summary>
public sealed class WsClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;

    public static async Task<WsClient> ConnectAsync(Uri uri)
    {
        var client = new WsClient();
        using var cts = new CancellationTokenSource(DefaultWait);
        await client._socket.ConnectAsync(uri, cts.Token);
        return client;
    }

    public async Task SendAsync(object message)
    {
        var bytes = message is string s ? Encoding.UTF8.GetBytes(s) : JsonSerializer.SerializeToUtf8Bytes(message);
        using var cts = new CancellationTokenSource(DefaultWait);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cts.Token);
    }

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? wait = null)
    {
        using var cts = new CancellationTokenSource(wait ?? DefaultWait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        if (Environment.GetEnvironmentVariable("SIM_TEST_LOG") == "1")
        {
            Console.WriteLine("WS< " + Encoding.UTF8.GetString(message.ToArray())[..Math.Min(200, (int)message.Length)]);
        }

        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    /// <summary>Reads until a message matches, echoing PINGs on the way unless told not to. Bounded by count and time.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, bool echoPings = true, int maxMessages = 100_000, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        for (var n = 0; n < maxMessages; n++)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var next = await ReceiveAsync(remaining) ?? throw new InvalidOperationException("The server closed the socket while we waited.");
            if (echoPings && Trnm(next) == "PING")
            {
                await SendAsync(next.GetRawText());
            }

            if (match(next))
            {
                return next;
            }
        }

        throw new TimeoutException("No matching message before the deadline.");
    }

    public async Task<JsonElement> LoginAsync(string token)
    {
        await SendAsync(new { trnm = "LOGIN", token });
        return await WaitForAsync(m => Trnm(m) == "LOGIN");
    }

    public static string Trnm(JsonElement m) => m.TryGetProperty("trnm", out var t) ? t.GetString() ?? "" : "";

    public static bool IsReal(JsonElement m, string type) =>
        Trnm(m) == "REAL" && m.GetProperty("data").EnumerateArray().Any(d => d.GetProperty("type").GetString() == type);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may already be gone; nothing left to close.
            }
        }

        _socket.Dispose();
    }
}
