using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Creates the realtime client of a credential with the configured options, clock and logging.
/// The caller owns the client and must keep one per credential (Kiwoom drops the older socket).
/// </summary>
public sealed class KiwoomRealtimeClientFactory(
    IKiwoomTokenSource tokens,
    IOptions<RealtimeClientOptions> options,
    ILoggerFactory loggers,
    TimeProvider? time = null,
    Func<Uri, CancellationToken, ValueTask<WebSocket>>? connect = null)
{
    public KiwoomRealtimeClient Create(KiwoomCredential credential) =>
        new(credential, tokens, options.Value, time ?? TimeProvider.System, loggers.CreateLogger<KiwoomRealtimeClient>(), connect);
}
