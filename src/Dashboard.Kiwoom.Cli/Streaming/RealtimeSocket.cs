using System.Buffers;
using System.Net.WebSockets;

namespace Dashboard.Kiwoom.Cli.Streaming;

/// <summary>
/// A Kiwoom realtime WebSocket for one CLI session: whole text messages in (reassembled from
/// fragments, size-capped), text messages out. One reader and one writer: the stream loop.
/// </summary>
internal sealed class RealtimeSocket : IAsyncDisposable
{
    /// <summary>A 0D push of all 163 FIDs is a few KiB; anything this big is not a Kiwoom message.</summary>
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket socket;
    private readonly ArrayBufferWriter<byte> message = new(16 * 1024);

    private RealtimeSocket(ClientWebSocket socket) => this.socket = socket;

    /// <summary>Why the server ended the session, once <see cref="ReceiveAsync"/> returned null.</summary>
    public string CloseReason => socket.CloseStatus is { } status
        ? $"{status} {socket.CloseStatusDescription}".TrimEnd()
        : "the connection ended without a close handshake";

    public static async Task<KiwoomResult<RealtimeSocket>> ConnectAsync(Uri uri, TimeSpan timeout, CancellationToken ct = default)
    {
        var socket = new ClientWebSocket();

        // Kiwoom's heartbeat is its own PING message (PROTOCOL.md 6.3); transport pings are off like in Kiwoom's client.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(uri, deadline.Token);
            return KiwoomResult<RealtimeSocket>.Success(new RealtimeSocket(socket));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            return Errors.KiwoomErrors.Transport($"The WebSocket {uri} did not open within {timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException)
        {
            socket.Dispose();
            return Errors.KiwoomErrors.Transport($"The WebSocket {uri} could not be opened: {ex.Message}");
        }
    }

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct = default) =>
        socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, ct).AsTask();

    /// <summary>The next whole message, or null when the server closed the session.</summary>
    /// <exception cref="InvalidDataException">The server sent a binary or oversized message.</exception>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct = default)
    {
        message.ResetWrittenCount();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(message.GetMemory(8 * 1024), ct);
            }
            catch (WebSocketException) when (!ct.IsCancellationRequested)
            {
                // The peer vanished mid-session: reported through CloseReason like an orderly close.
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Advance(result.Count);
            if (result.MessageType != WebSocketMessageType.Text)
            {
                throw new InvalidDataException("The server sent a binary message; Kiwoom sends JSON text only.");
            }

            if (message.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException($"The server sent a message over {MaxMessageBytes / (1024 * 1024)} MiB.");
            }

            if (result.EndOfMessage)
            {
                return message.WrittenMemory;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            // A polite close, briefly: the session is over either way.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The peer is already gone or slow to answer; disposing below aborts the connection.
            }
        }

        socket.Dispose();
    }
}
