using System.Net.WebSockets;

namespace Dashboard.Web.Broker;

/// <summary>
/// Opens the realtime sockets of the server's broker sessions: the client's own connect, plus acceptance of
/// this server's own certificate (the embedded simulator over HTTPS, see <see cref="OwnCertificatePin"/>).
/// </summary>
public sealed class PinnedWebSocketConnector(OwnCertificatePin certificates)
{
    public async ValueTask<WebSocket> ConnectAsync(Uri uri, CancellationToken ct)
    {
        var socket = new ClientWebSocket();

        // Kiwoom keeps the session alive with its own PING messages; its client sends no transport pings.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.RemoteCertificateValidationCallback = certificates.Validate;
        try
        {
            await socket.ConnectAsync(uri, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
