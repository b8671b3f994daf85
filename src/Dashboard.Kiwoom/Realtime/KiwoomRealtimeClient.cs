using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The realtime WebSocket of one credential (Kiwoom closes the older session when a key logs in
/// twice, so keep exactly one per credential): LOGIN, PING echo, reference-counted REG/REMOVE in
/// groups, condition search, reconnect with backoff and jitter, re-LOGIN and re-registration, a
/// silence detector, and an observable connection state.
/// </summary>
public sealed partial class KiwoomRealtimeClient : IAsyncDisposable
{
    // Kiwoom's own client treats these LOGIN codes as "re-issue the token and log in again once".
    private static readonly string[] TokenCodes = ["8005", "8031", "8103"];

    private readonly KiwoomCredential _credential;
    private readonly IKiwoomTokenSource _tokens;
    private readonly RealtimeClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<Uri, CancellationToken, ValueTask<WebSocket>> _connect;
    private readonly ReconnectBackoff _backoff;
    private readonly RealtimeFrameParser _parser;
    private readonly Lock _gate = new();
    private RealtimeStateChange _current;
    private TaskCompletionSource _changed = NewSignal();
    private RealtimeSession? _session;
    private CancellationTokenSource? _runStop;
    private Task? _run;
    private bool _disposed;

    /// <param name="connect">Opens the socket; tests point it at a loopback server. Defaults to <see cref="ClientWebSocket"/>.</param>
    /// <param name="random">Jitter source in [0, 1); defaults to <see cref="Random.Shared"/>.</param>
    public KiwoomRealtimeClient(
        KiwoomCredential credential,
        IKiwoomTokenSource tokens,
        RealtimeClientOptions? options = null,
        TimeProvider? time = null,
        ILogger<KiwoomRealtimeClient>? logger = null,
        Func<Uri, CancellationToken, ValueTask<WebSocket>>? connect = null,
        Func<double>? random = null)
    {
        _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _options = options ?? new RealtimeClientOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _connect = connect ?? ConnectClientWebSocketAsync;
        _backoff = new ReconnectBackoff(_options, random ?? Random.Shared.NextDouble);
        _parser = new RealtimeFrameParser(_time);
        _current = new RealtimeStateChange(RealtimeConnectionState.Disconnected, null, null, null, _time.GetUtcNow());
    }

    /// <summary>Raised after every state change, outside any lock; handlers must not block.</summary>
    public event EventHandler<RealtimeStateChange>? StateChanged;

    public RealtimeConnectionState State => Current.State;

    /// <summary>The latest state change, with the Kiwoom message when Failed or Replaced.</summary>
    public RealtimeStateChange Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Starts the connection (or restarts it after Failed/Replaced) and waits until it is Connected,
    /// Failed or Replaced. While connected this returns at once.
    /// </summary>
    public async ValueTask<KiwoomResult<RealtimeStateChange>> ConnectAsync(CancellationToken ct = default)
    {
        EnsureRunning(restart: true);
        var change = await WaitForAsync(
            s => s is RealtimeConnectionState.Connected or RealtimeConnectionState.Failed or RealtimeConnectionState.Replaced, ct).ConfigureAwait(false);
        return change.State == RealtimeConnectionState.Connected
            ? KiwoomResult<RealtimeStateChange>.Success(change)
            : change.Error ?? new KiwoomError(KiwoomErrorKind.Server, -1, null, $"The realtime connection is {change.State}.");
    }

    /// <summary>Waits until the state satisfies <paramref name="predicate"/>; returns that state change.</summary>
    public async ValueTask<RealtimeStateChange> WaitForAsync(Func<RealtimeConnectionState, bool> predicate, CancellationToken ct = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (predicate(_current.State))
                {
                    return _current;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        CancellationTokenSource? stop;
        Task? run;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            stop = _runStop;
            run = _run;
        }

        if (stop is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        if (run is not null)
        {
            await run.ConfigureAwait(false);
        }

        stop?.Dispose();
        CompleteAllSubscribers();
        SetState(RealtimeConnectionState.Disconnected, null, null);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async ValueTask<WebSocket> ConnectClientWebSocketAsync(Uri uri, CancellationToken ct)
    {
        var socket = new ClientWebSocket();

        // Kiwoom keeps the session alive with its own PING messages; its client sends no transport pings.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(uri, ct).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void EnsureRunning(bool restart)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_run is { IsCompleted: false } || (_run is not null && !restart))
            {
                return;
            }

            _runStop?.Dispose();
            _runStop = new CancellationTokenSource();
            var stop = _runStop.Token;

            // Set before the loop starts so a caller never mistakes the previous Failed for the new outcome.
            SetStateLocked(RealtimeConnectionState.Connecting, null, null);
            _run = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }

        RaiseChanged();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var attempt = 0;
        var forceRefresh = false;
        var tokenRetried = false;
        while (!stop.IsCancellationRequested)
        {
            var outcome = await RunSessionAsync(forceRefresh, stop).ConfigureAwait(false);
            forceRefresh = false;
            TimeSpan delay;
            switch (outcome.Kind)
            {
                case SessionEnd.Stopped:
                    return;
                case SessionEnd.Replaced:
                    LogReplaced(_logger, outcome.Error?.Message ?? "");
                    SetState(RealtimeConnectionState.Replaced, outcome.Error, null);
                    return;
                case SessionEnd.Failed:
                    LogFailed(_logger, outcome.Error?.ToString() ?? "");
                    SetState(RealtimeConnectionState.Failed, outcome.Error, null);
                    return;
                case SessionEnd.TokenRejected when tokenRetried:
                    LogFailed(_logger, outcome.Error?.ToString() ?? "");
                    SetState(RealtimeConnectionState.Failed, outcome.Error, null);
                    return;
                case SessionEnd.TokenRejected:
                    tokenRetried = true;
                    forceRefresh = true;
                    delay = _options.MinReconnectInterval;
                    break;
                default:
                    if (outcome.ConnectedFor is { } connectedFor)
                    {
                        tokenRetried = false;
                        if (connectedFor >= _options.StableAfter)
                        {
                            attempt = 0;
                        }
                    }

                    delay = _backoff.Delay(attempt++);
                    break;
            }

            LogReconnecting(_logger, outcome.Error?.Message ?? "", delay.TotalMilliseconds);
            SetState(RealtimeConnectionState.Reconnecting, outcome.Error, delay);
            try
            {
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SessionOutcome> RunSessionAsync(bool forceRefresh, CancellationToken stop)
    {
        KiwoomToken token;
        WebSocket socket;
        try
        {
            var tokenResult = await _tokens.GetTokenAsync(_credential, forceRefresh, stop).ConfigureAwait(false);
            if (tokenResult.IsSuccess && !forceRefresh && tokenResult.Value.ExpiresAt - _time.GetUtcNow() < _options.TokenRefreshMargin)
            {
                tokenResult = await _tokens.GetTokenAsync(_credential, forceRefresh: true, stop).ConfigureAwait(false);
            }

            if (!tokenResult.IsSuccess)
            {
                return new SessionOutcome(tokenResult.Error.IsTransient ? SessionEnd.Dropped : SessionEnd.Failed, tokenResult.Error, null);
            }

            token = tokenResult.Value;
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            LogConnecting(_logger, _credential.WebSocketUri.Host, _credential.Environment);
            socket = await _connect(_credential.WebSocketUri, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return new SessionOutcome(SessionEnd.Stopped, null, null);
        }
        catch (OperationCanceledException)
        {
            return Dropped($"No WebSocket connection within {_options.ConnectTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            return Dropped("WebSocket connect failed: " + ex.Message);
        }

        using var session = new RealtimeSession(socket, _time, stop);
        var receive = ReceiveLoopAsync(session);
        long? connectedAt = null;
        try
        {
            if (!await session.TrySendAsync(RealtimeMessages.Login(token.Value), stop).ConfigureAwait(false))
            {
                return Dropped(session.EndReason ?? "The connection closed before LOGIN.");
            }

            var login = await session.Login.Task.WaitAsync(_options.LoginTimeout, _time, stop).ConfigureAwait(false);
            if (login is null)
            {
                return session.ReplacedBy is { } replaced
                    ? new SessionOutcome(SessionEnd.Replaced, SystemError(replaced), null)
                    : Dropped(session.EndReason ?? "The connection closed before the LOGIN answer.");
            }

            if (!login.IsSuccess)
            {
                var error = login.ToError();
                LogLoginRefused(_logger, error.ReturnCode, error.DetailCode ?? "", error.Message);
                return new SessionOutcome(TokenCodes.Contains(error.DetailCode) ? SessionEnd.TokenRejected : SessionEnd.Failed, error, null);
            }

            connectedAt = _time.GetTimestamp();
            session.LastReal = connectedAt.Value;
            lock (_gate)
            {
                _session = session;
            }

            using var watchdog = StartWatchdog(session);
            await RestoreAsync(session, stop).ConfigureAwait(false);
            if (!session.Ended.IsCancellationRequested)
            {
                LogConnected(_logger, _credential.WebSocketUri.Host);
                SetState(RealtimeConnectionState.Connected, null, null);
            }

            await receive.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Dropped($"No LOGIN answer within {_options.LoginTimeout.TotalSeconds:0.#} s.");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return new SessionOutcome(SessionEnd.Stopped, null, null);
        }
        finally
        {
            lock (_gate)
            {
                if (_session == session)
                {
                    _session = null;
                }
            }

            session.End("session over");
            session.Socket.Abort();
            await receive.ConfigureAwait(false);
            session.FailWaiters();
        }

        if (stop.IsCancellationRequested)
        {
            return new SessionOutcome(SessionEnd.Stopped, null, null);
        }

        var connectedFor = _time.GetElapsedTime(connectedAt.Value);
        return session.ReplacedBy is { } notice
            ? new SessionOutcome(SessionEnd.Replaced, SystemError(notice), connectedFor)
            : new SessionOutcome(SessionEnd.Dropped, Transport(session.EndReason ?? "The connection closed."), connectedFor);
    }

    private ITimer StartWatchdog(RealtimeSession session)
    {
        var shortest = _options.RealDataTimeout is { } real && real < _options.SilenceTimeout ? real : _options.SilenceTimeout;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, shortest.Ticks / 4));
        return _time.CreateTimer(_ => CheckSilence(session), null, period, period);
    }

    private void CheckSilence(RealtimeSession session)
    {
        var now = _time.GetTimestamp();
        var quiet = _time.GetElapsedTime(session.LastFrame, now);
        if (quiet > _options.SilenceTimeout)
        {
            LogSilent(_logger, "no message", quiet.TotalSeconds);
            session.End($"No message for {quiet.TotalSeconds:0.#} s.");
            return;
        }

        if (_options.RealDataTimeout is { } limit && HasRegistrations())
        {
            var stale = _time.GetElapsedTime(session.LastReal, now);
            if (stale > limit)
            {
                LogSilent(_logger, "no REAL while subscribed", stale.TotalSeconds);
                session.End($"No REAL for {stale.TotalSeconds:0.#} s while subscribed.");
            }
        }
    }

    private async Task ReceiveLoopAsync(RealtimeSession session)
    {
        // Yield first so the caller can send LOGIN while this loop takes over the socket.
        await Task.Yield();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var events = new List<RealtimeEvent>();
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        if (count >= _options.MaxMessageBytes)
                        {
                            session.End($"A message exceeded {_options.MaxMessageBytes} bytes.");
                            return;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxMessageBytes));
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await session.Socket.ReceiveAsync(buffer.AsMemory(count), session.Ended).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        session.End($"The server closed the connection ({session.Socket.CloseStatus} {session.Socket.CloseStatusDescription}).");
                        return;
                    }

                    count += result.Count;
                }
                while (!result.EndOfMessage);

                await HandleMessageAsync(session, buffer.AsMemory(0, count), events).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The session was ended on purpose (silence, R10001, stop); its reason is already set.
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            session.End("Receive failed: " + ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            session.FailWaiters();
        }
    }

    private async ValueTask HandleMessageAsync(RealtimeSession session, ReadOnlyMemory<byte> message, List<RealtimeEvent> events)
    {
        var now = _time.GetTimestamp();
        session.LastFrame = now;
        events.Clear();
        var kind = _parser.Parse(message.Span, events, out var problem);
        switch (kind)
        {
            case RealtimeMessageKind.Ping:
                // Echo the message unchanged (PROTOCOL.md 6.3); the buffer stays ours until the send completes.
                await session.TrySendAsync(message).ConfigureAwait(false);
                return;
            case RealtimeMessageKind.Real:
                session.LastReal = now;
                if (problem is not null)
                {
                    LogBadMessage(_logger, problem, message.Length);
                }

                foreach (var e in events)
                {
                    Route(e);
                }

                return;
            case RealtimeMessageKind.Malformed:
                LogBadMessage(_logger, problem ?? "malformed", message.Length);
                return;
        }

        if (!RealtimeControlMessage.TryParse(message.Span, out var control, out problem))
        {
            LogBadMessage(_logger, problem ?? "malformed", message.Length);
            return;
        }

        HandleControl(session, control!);
    }

    private void HandleControl(RealtimeSession session, RealtimeControlMessage message)
    {
        switch (message.Kind)
        {
            case RealtimeMessageKind.Login:
                session.Login.TrySetResult(message);
                break;
            case RealtimeMessageKind.System when message.SystemCode == "R10001":
                session.ReplacedBy = message;
                session.End("SYSTEM R10001: the app key logged in elsewhere.");
                break;
            case RealtimeMessageKind.System:
                LogSystem(_logger, message.SystemCode ?? "", message.SystemMessage ?? message.ReturnMessage);
                if (message.SystemCode == "R10002")
                {
                    session.End("SYSTEM R10002: " + message.SystemMessage);
                }

                break;
            default:
                if (!session.TryAnswer(message))
                {
                    LogUnexpectedAnswer(_logger, message.Trnm);
                }

                break;
        }
    }

    private async Task<KiwoomResult<RealtimeControlMessage>> RequestAsync(
        RealtimeSession session, RealtimeMessageKind answerKind, byte[] message, CancellationToken ct)
    {
        await session.Requests.WaitAsync(ct).ConfigureAwait(false);
        var pending = session.BeginRequest(answerKind);
        try
        {
            if (!await session.TrySendAsync(message, ct).ConfigureAwait(false))
            {
                return Transport(session.EndReason ?? "The connection closed.");
            }

            var answer = await pending.Answer.Task.WaitAsync(_options.RequestTimeout, _time, ct).ConfigureAwait(false);
            if (answer is null)
            {
                return Transport(session.EndReason ?? "The connection closed before the answer.");
            }

            return answer.IsSuccess ? KiwoomResult<RealtimeControlMessage>.Success(answer) : answer.ToError();
        }
        catch (TimeoutException)
        {
            return Transport($"No {answerKind} answer within {_options.RequestTimeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            session.EndRequest(pending);
            session.Requests.Release();
        }
    }

    private RealtimeSession? CurrentSession()
    {
        lock (_gate)
        {
            return _session;
        }
    }

    private void SetState(RealtimeConnectionState state, KiwoomError? error, TimeSpan? retryIn)
    {
        lock (_gate)
        {
            SetStateLocked(state, error, retryIn);
        }

        RaiseChanged();
    }

    private void SetStateLocked(RealtimeConnectionState state, KiwoomError? error, TimeSpan? retryIn)
    {
        var lastFrame = _session is { } s ? _time.GetUtcNow() - _time.GetElapsedTime(s.LastFrame) : _current.LastFrameAt;
        _current = new RealtimeStateChange(state, error, retryIn, lastFrame, _time.GetUtcNow());
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private void RaiseChanged()
    {
        var change = Current;
        try
        {
            StateChanged?.Invoke(this, change);
        }
        catch (Exception ex)
        {
            // A subscriber's bug must not kill the connection loop; it is reported, not hidden.
            LogStateHandlerFailed(_logger, ex);
        }
    }

    private static KiwoomError Transport(string message) => new(KiwoomErrorKind.Transport, -1, null, message);

    private static SessionOutcome Dropped(string message) => new(SessionEnd.Dropped, Transport(message), null);

    private static KiwoomError SystemError(RealtimeControlMessage notice) =>
        new(KiwoomErrorKind.Authentication, -1, notice.SystemCode, notice.SystemMessage ?? "The app key logged in elsewhere.");

    private enum SessionEnd
    {
        Stopped,
        Dropped,
        TokenRejected,
        Failed,
        Replaced,
    }

    private readonly record struct SessionOutcome(SessionEnd Kind, KiwoomError? Error, TimeSpan? ConnectedFor);
}
