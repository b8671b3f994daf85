using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dashboard.Kiwoom.Tests.Cli;

/// <summary>Small helpers for the server side of a scripted realtime session.</summary>
internal static class ScriptedSocket
{
    public static Task SendAsync(WebSocket socket, string json, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);

    /// <summary>The next text message, or null when the client closed or went away.</summary>
    public static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.ToArray());
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            return null;
        }
    }

    public static string Trnm(string message)
    {
        using var document = JsonDocument.Parse(message);
        return document.RootElement.GetProperty("trnm").GetString()!;
    }

    /// <summary>Waits (bounded) for the client to go away, so the server side does not end the session first.</summary>
    public static async Task DrainAsync(WebSocket socket, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        while (await ReceiveAsync(socket, bound.Token) is not null)
        {
        }
    }
}
