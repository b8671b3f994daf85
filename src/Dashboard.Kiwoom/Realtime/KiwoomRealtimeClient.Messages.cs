using System.Buffers;
using System.Net.WebSockets;

namespace Dashboard.Kiwoom.Realtime;

// The receive loop (reassembly into a pooled buffer of any size), PING echo, REAL routing,
// control answers, and the one-at-a-time request/answer exchange.
public sealed partial class KiwoomRealtimeClient
{
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
}
