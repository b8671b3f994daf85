using Dashboard.Kiwoom.Cli.Output;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Cli.Streaming;

/// <summary>
/// The message loop of one <c>kiwoom stream</c> session: LOGIN, REG, then REAL events until the
/// server ends the session. Every PING is echoed unchanged, before or after LOGIN (PROTOCOL.md 6.3).
/// </summary>
internal sealed class StreamSession(RealtimeSocket socket, CliContext context, RealtimeEventWriter writer)
{
    private readonly RealtimeFrameParser parser = new();
    private readonly List<RealtimeEvent> events = [];

    public async Task<int> RunAsync(string token, IReadOnlyList<string> types, IReadOnlyList<string> items, TimeSpan answerTimeout, CancellationToken ct = default)
    {
        await socket.SendAsync(RegistrationRequest.Login(token), ct);
        if (!await AwaitSuccessAsync("LOGIN", answerTimeout, ct))
        {
            return ExitCodes.BrokerError;
        }

        await socket.SendAsync(RegistrationRequest.Register(types, items), ct);
        if (!await AwaitSuccessAsync("REG", answerTimeout, ct))
        {
            return ExitCodes.BrokerError;
        }

        var watched = items is [""] ? "the account/market" : string.Join(' ', items);
        await context.Stderr.WriteLineAsync($"registered {string.Join(',', types)} for {watched}; Ctrl+C stops.");
        while (true)
        {
            var message = await socket.ReceiveAsync(ct);
            if (message is null)
            {
                await context.Stderr.WriteLineAsync($"error: the server ended the session ({socket.CloseReason}).");
                return ExitCodes.BrokerError;
            }

            await HandleAsync(message.Value, ct);
        }
    }

    /// <summary>Waits for the answer to LOGIN or REG, handling everything that comes before it.</summary>
    private async Task<bool> AwaitSuccessAsync(string trnm, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var message = await socket.ReceiveAsync(deadline.Token);
                if (message is null)
                {
                    await context.Stderr.WriteLineAsync($"error: the server ended the session before answering {trnm} ({socket.CloseReason}).");
                    return false;
                }

                if (await HandleAsync(message.Value, deadline.Token) is { } answer && answer.Trnm == trnm)
                {
                    if (answer.IsSuccess)
                    {
                        return true;
                    }

                    Diagnostics.WriteError(context.Stderr, answer.ToError());
                    return false;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await context.Stderr.WriteLineAsync($"error: no answer to {trnm} within {timeout.TotalSeconds:0} s.");
            return false;
        }
    }

    /// <summary>Handles one message; returns it when it is a control answer (LOGIN, REG, REMOVE …).</summary>
    private async Task<RealtimeControlMessage?> HandleAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        events.Clear();
        var kind = parser.Parse(message.Span, events, out var problem);
        switch (kind)
        {
            case RealtimeMessageKind.Ping:
                await socket.SendAsync(message, ct);
                return null;
            case RealtimeMessageKind.Real:
                foreach (var e in events)
                {
                    writer.Write(e);
                }

                if (problem is not null)
                {
                    await context.Stderr.WriteLineAsync($"warning: part of a REAL message was unreadable: {problem}");
                }

                return null;
            case RealtimeMessageKind.Malformed:
                await context.Stderr.WriteLineAsync($"warning: ignored a malformed message: {problem}");
                return null;
        }

        if (!RealtimeControlMessage.TryParse(message.Span, out var control, out problem))
        {
            await context.Stderr.WriteLineAsync($"warning: ignored a malformed message: {problem}");
            return null;
        }

        if (control!.Kind == RealtimeMessageKind.System)
        {
            var text = control.SystemMessage ?? control.ReturnMessage;
            await context.Stderr.WriteLineAsync($"server: {control.SystemCode ?? "SYSTEM"} {text}".TrimEnd());
        }

        return control;
    }
}
