using System.Net.WebSockets;
using System.Threading.Channels;
using Dashboard.Kiwoom.Simulator.Accounts;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// One WebSocket connection: its login, registrations per group, condition searches and an outbox drained
/// by a single writer so frames go out in order without the market waiting on a slow socket.
/// </summary>
internal sealed class WsSession(long id, WebSocket socket)
{
    /// <summary>Queued after a final SYSTEM/LOGIN frame: the writer closes the socket when it reaches it.</summary>
    public static readonly byte[] CloseMarker = [];

    /// <summary>A socket that falls this far behind is closed rather than allowed to grow without bound.</summary>
    public const int MaxQueuedFrames = 200_000;

    public long Id { get; } = id;

    public WebSocket Socket { get; } = socket;

    public Channel<byte[]> Outbox { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public CancellationTokenSource Stop { get; } = new();

    public string? AppKey { get; set; }

    public Account? Account { get; set; }

    public bool LoggedIn => AppKey is not null;

    public int OutstandingPings;

    public bool ConditionsListed { get; set; }

    /// <summary>grp_no → registered (type, item) pairs. Guarded by the subscription table's gate.</summary>
    public Dictionary<string, HashSet<(string Type, string Item)>> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Realtime condition seq → codes currently matching. Guarded by the subscription table's gate.</summary>
    public Dictionary<string, HashSet<string>> RealtimeConditions { get; } = new(StringComparer.Ordinal);

    public bool Wants(string type) => Groups.Values.Any(g => g.Any(r => r.Type == type));

    /// <summary>Frames queued and not yet sent (the unbounded single-reader channel cannot count).</summary>
    public int Pending;

    public bool Enqueue(byte[] frame)
    {
        if (Volatile.Read(ref Pending) >= MaxQueuedFrames)
        {
            Stop.Cancel();
            return false;
        }

        if (!Outbox.Writer.TryWrite(frame))
        {
            return false;
        }

        Interlocked.Increment(ref Pending);
        return true;
    }

    /// <summary>Sends a last frame and then closes.</summary>
    public void EnqueueFinal(byte[] frame)
    {
        Outbox.Writer.TryWrite(frame);
        Outbox.Writer.TryWrite(CloseMarker);
    }
}
