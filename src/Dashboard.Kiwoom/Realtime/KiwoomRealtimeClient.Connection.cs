using System.Net.WebSockets;

namespace Dashboard.Kiwoom.Realtime;

// The connection loop: token, socket, LOGIN (with one token re-issue), re-registration, the
// silence watchdog, and reconnecting with backoff until stopped, replaced or failed.
public sealed partial class KiwoomRealtimeClient
{
    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await ReconnectLoopAsync(stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or misconfiguration (for example a connect delegate that throws something
            // unexpected): callers waiting on the state must learn of it instead of hanging.
            LogCrashed(_logger, ex);
            SetState(RealtimeConnectionState.Failed, new KiwoomError(KiwoomErrorKind.Server, -1, null, "The realtime client stopped: " + ex.Message), null);
        }
    }

    private async Task ReconnectLoopAsync(CancellationToken stop)
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

                _lastFrameAt = _time.GetUtcNow() - _time.GetElapsedTime(session.LastFrame);
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

        if (_options.RealDataTimeout is { } limit && HasStreamingRegistrations())
        {
            var stale = _time.GetElapsedTime(session.LastReal, now);
            if (stale > limit)
            {
                LogSilent(_logger, "no REAL while subscribed", stale.TotalSeconds);
                session.End($"No REAL for {stale.TotalSeconds:0.#} s while subscribed.");
            }
        }
    }
}
