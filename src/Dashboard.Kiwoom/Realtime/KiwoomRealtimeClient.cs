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
    private DateTimeOffset? _lastFrameAt;
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

        // Disconnected can only follow Connecting here when the client is disposed meanwhile.
        var change = await WaitForAsync(
            s => s is RealtimeConnectionState.Connected or RealtimeConnectionState.Failed or RealtimeConnectionState.Replaced or RealtimeConnectionState.Disconnected,
            ct).ConfigureAwait(false);
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
        var lastFrame = _session is { } s ? _time.GetUtcNow() - _time.GetElapsedTime(s.LastFrame) : _lastFrameAt;
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
