using System.Net.WebSockets;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// One WebSocket connection: serialized sends, the single outstanding request (answers carry no
/// id, only their trnm, so requests go one at a time), the LOGIN answer and the silence clocks.
/// </summary>
internal sealed class RealtimeSession : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);

    // Never disposed on purpose: it has no timer, and late callers (a watchdog tick, a REMOVE racing
    // the teardown) may still read its token or cancel it after the session is over.
    private readonly CancellationTokenSource _end = new();
    private readonly CancellationTokenRegistration _onStop;
    private string? _endReason;
    private PendingRequest? _pending;

    public RealtimeSession(WebSocket socket, TimeProvider time, CancellationToken stop)
    {
        Socket = socket;
        LastFrame = time.GetTimestamp();
        LastReal = LastFrame;
        _onStop = stop.Register(() => End("stopped"));
    }

    public WebSocket Socket { get; }

    /// <summary>Cancelled when the session ends for any reason.</summary>
    public CancellationToken Ended => _end.Token;

    public string? EndReason => Volatile.Read(ref _endReason);

    public SemaphoreSlim Requests { get; } = new(1, 1);

    public TaskCompletionSource<RealtimeControlMessage?> Login { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The SYSTEM R10001 notice, once received.</summary>
    public RealtimeControlMessage? ReplacedBy { get; set; }

    /// <summary>CNSRREQ needs a CNSRLST earlier on the same connection (PROTOCOL.md 8).</summary>
    public bool ConditionsListed { get; set; }

    public long LastFrame { get => Volatile.Read(ref _lastFrame); set => Volatile.Write(ref _lastFrame, value); }

    public long LastReal { get => Volatile.Read(ref _lastReal); set => Volatile.Write(ref _lastReal, value); }

    private long _lastFrame;
    private long _lastReal;

    /// <summary>Ends the session (first reason wins); the receive loop stops and the socket is aborted.</summary>
    public void End(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _end.Cancel();
        }
    }

    /// <summary>Sends one text message; false when the connection is gone (never throws for that).</summary>
    public async ValueTask<bool> TrySendAsync(ReadOnlyMemory<byte> message, CancellationToken ct = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _end.Token);
        try
        {
            await _send.WaitAsync(linked.Token).ConfigureAwait(false);
            try
            {
                await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, linked.Token).ConfigureAwait(false);
                return true;
            }
            finally
            {
                _send.Release();
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            End("send failed: " + ex.Message);
            return false;
        }
    }

    public PendingRequest BeginRequest(RealtimeMessageKind answerKind)
    {
        var pending = new PendingRequest(answerKind);
        Volatile.Write(ref _pending, pending);
        return pending;
    }

    public void EndRequest(PendingRequest pending) => Interlocked.CompareExchange(ref _pending, null, pending);

    /// <summary>Hands an answer to the waiting request; false when nobody waits for this trnm.</summary>
    public bool TryAnswer(RealtimeControlMessage message)
    {
        var pending = Volatile.Read(ref _pending);
        return pending is not null && pending.AnswerKind == message.Kind && pending.Answer.TrySetResult(message);
    }

    /// <summary>Wakes anyone still waiting with "no answer": the connection is gone.</summary>
    public void FailWaiters()
    {
        Login.TrySetResult(null);
        Volatile.Read(ref _pending)?.Answer.TrySetResult(null);
    }

    public void Dispose()
    {
        End("disposed");
        _onStop.Dispose();
        Socket.Abort();
        Socket.Dispose();
    }

    internal sealed class PendingRequest(RealtimeMessageKind answerKind)
    {
        public RealtimeMessageKind AnswerKind { get; } = answerKind;

        public TaskCompletionSource<RealtimeControlMessage?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
