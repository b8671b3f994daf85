using System.Buffers;
using System.Net.WebSockets;
using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// The /api/dostk/websocket endpoint: accepts sockets and runs each one's read, write and PING loops. What the
/// client sends is answered by <see cref="MessageHandler"/>, who wants what is kept in
/// <see cref="SubscriptionTable"/>, market events become frames in <see cref="MarketFeed"/>.
/// </summary>
public sealed class RealtimeHub
{
    private readonly SimulatorMetrics _metrics;
    private readonly SimulatorOptions _options;
    private readonly MarketEngine _engine;
    private readonly ILogger<RealtimeHub> _logger;
    private readonly FrameBuilder _frames;
    private readonly SubscriptionTable _table = new();
    private readonly MessageHandler _messages;
    private readonly SimulatorFaults _faults;
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Account Account, string Type, byte[] Frame)> _heldAccountPushes = new();
    private long _nextId;

    public RealtimeHub(MarketEngine engine, TokenStore tokens, AccountBook accounts, SimulatorFaults faults, SimulatorMetrics metrics, IOptions<SimulatorOptions> options, ILogger<RealtimeHub> logger)
    {
        _engine = engine;
        _metrics = metrics;
        _options = options.Value;
        _logger = logger;
        _faults = faults;
        _frames = new FrameBuilder(engine, _options.EmitTimestamps);
        var conditions = new ConditionSearch(engine, _table, _frames, metrics);
        _messages = new MessageHandler(tokens, accounts, _table, conditions);
        engine.AddObserver(new MarketFeed(engine, _table, _frames, conditions, faults, metrics));
    }

    public int SessionCount => _table.SessionCount;

    /// <summary>Turns the emit-time field on or off at run time (latency measurement).</summary>
    public bool EmitTimestamps
    {
        get => _frames.EmitTimestamps;
        set => _frames.EmitTimestamps = value;
    }

    public async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new WsSession(Interlocked.Increment(ref _nextId), socket);
        _table.Open(session);
        _metrics.SocketOpened();
        SimulatorLog.SocketOpened(_logger, session.Id);
        // A stopping host closes its sockets at once: Kestrel would otherwise wait out its whole shutdown timeout
        // (30 s) for upgraded connections that a member's open orders keep alive (REL-10: exit well within 30 s).
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, session.Stop.Token, stopping);
        var writer = WriteLoopAsync(session, linked.Token);
        var pinger = PingLoopAsync(session, linked.Token);
        var reason = "client closed";
        try
        {
            await ReadLoopAsync(session, linked.Token);
        }
        catch (OperationCanceledException)
        {
            reason = "stopped";
        }
        catch (WebSocketException ex)
        {
            reason = ex.WebSocketErrorCode.ToString();
        }
        catch (Exception ex)
        {
            // A bug in one session must not go unnoticed, but it must not take the host down either.
            SimulatorLog.SocketFailed(_logger, ex, session.Id);
            reason = "failed";
        }
        finally
        {
            _table.Close(session);
            session.Outbox.Writer.TryComplete();
            await session.Stop.CancelAsync();
            await Task.WhenAll(Quietly(writer), Quietly(pinger));
            _metrics.SocketClosed();
            SimulatorLog.SocketClosed(_logger, session.Id, reason);
            session.Stop.Dispose();
        }
    }

    /// <summary>Aborts every socket (control surface "drop"). Clients see the connection reset.</summary>
    public int DropAll()
    {
        var n = 0;
        foreach (var s in _table.Sessions)
        {
            // Stop the session's loops before aborting its socket. A session that is closing on its own at this
            // moment may already have released both; it goes away all the same, so it still counts as dropped.
            n++;
            try
            {
                s.Stop.Cancel();
                s.Socket.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        return n;
    }

    /// <summary>Publishes an order (00) or balance (04) event to the sockets of the account's app key.</summary>
    internal void PublishAccount(Account account, string type, string item, Func<int, string?> values)
    {
        if (_faults.HoldAccountPushes)
        {
            _heldAccountPushes.Enqueue((account, type, _frames.Build(type, item, values)));
            return;
        }

        if (_table.AccountSession(account.AppKey, type) is not { } target)
        {
            return;
        }

        var frame = _frames.Build(type, item, values);
        if (target.Enqueue(frame))
        {
            _metrics.FramesSent(1);
        }
    }

    /// <summary>Sends the account pushes held back (see <see cref="SimulatorFaults.HoldAccountPushes"/>), oldest first.</summary>
    internal int ReleaseHeldAccountPushes()
    {
        var n = 0;
        while (_heldAccountPushes.TryDequeue(out var held))
        {
            if (_table.AccountSession(held.Account.AppKey, held.Type) is { } target && target.Enqueue(held.Frame))
            {
                _metrics.FramesSent(1);
                n++;
            }
        }

        return n;
    }

    private async Task ReadLoopAsync(WsSession session, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (!ct.IsCancellationRequested && session.Socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                if (buffer.WrittenCount > 1_000_000)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, "Message too large.");
                }

                result = await session.Socket.ReceiveAsync(buffer.GetMemory(4096), ct);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (session.Socket.State == WebSocketState.CloseReceived)
                {
                    await session.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct);
                }

                return;
            }

            _messages.Handle(session, buffer.WrittenSpan);
        }
    }

    private async Task WriteLoopAsync(WsSession session, CancellationToken ct)
    {
        await foreach (var frame in session.Outbox.Reader.ReadAllAsync(ct))
        {
            if (ReferenceEquals(frame, WsSession.CloseMarker))
            {
                if (session.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await session.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by server", ct);
                }

                // The reader ends when the client answers the close; a client that never does is cut off.
                // This is a transport timeout in real time, not simulated market time.
                session.Stop.CancelAfter(TimeSpan.FromSeconds(2));
                return;
            }

            Interlocked.Decrement(ref session.Pending);
            await session.Socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
    }

    private async Task PingLoopAsync(WsSession session, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.PingInterval, _engine.Clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (Interlocked.Increment(ref session.OutstandingPings) > _options.MissedPingsBeforeClose)
            {
                session.EnqueueFinal(ProtocolFrames.System("R10002", "사용자 프로그램으로부터 Heartbeat(연결유지) 메시지가 오지않아서 접속을 종료합니다"));
                return;
            }

            session.Enqueue(ProtocolFrames.Ping);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or global::System.Threading.Channels.ChannelClosedException)
        {
            // The socket is going away; its loops end however the transport reports it.
        }
    }
}
