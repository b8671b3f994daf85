using System.Globalization;
using System.Net.WebSockets;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Cli.Hosting;
using Dashboard.Kiwoom.Cli.Output;
using Dashboard.Kiwoom.Cli.Streaming;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Cli.Commands;

/// <summary>
/// <c>kiwoom stream &lt;type&gt; &lt;item&gt;...</c>: subscribes through the library's realtime client
/// (LOGIN, PING echo, REG, reconnect with backoff and re-registration, silence detection) and prints
/// every event until Ctrl+C (exit 0, after REMOVE for everything it registered), or until the session fails
/// for good, another login with the same key replaces it, or no connection comes up within the connect
/// timeout (exit 1).
/// </summary>
internal static class StreamCommand
{
    // Types delivered for the token's account or the whole market: registered with item "" (PROTOCOL.md 7.0).
    private static readonly HashSet<string> ItemlessTypes = new(StringComparer.Ordinal)
    {
        RealtimeTypes.OrderExecution, RealtimeTypes.Balance, RealtimeTypes.SessionNotice, RealtimeTypes.ViTrigger,
    };

    private static readonly OptionSet Options = OptionSet.Of([.. OptionSet.ConnectionOptions, "--fields", "--connect-timeout"], ["--json", "--verbose"]);

    /// <summary>How long the first connection may take before the stream gives up (the client itself retries for ever).</summary>
    private static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the REMOVEs sent on the way out may take: Ctrl+C must not hang on a dead socket.</summary>
    private static readonly TimeSpan UnregisterTimeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct = default)
    {
        var parsed = CommandArguments.Parse(args, Options, Usage.Stream);
        if (parsed.WantsHelp)
        {
            await context.Stdout.WriteAsync(Usage.Stream.AsMemory(), ct);
            return ExitCodes.Ok;
        }

        var (types, items) = Subscription(parsed);
        var onlyFids = Fids(parsed.Value("--fields"));
        var connectTimeout = ConnectTimeout(parsed.Value("--connect-timeout"));
        var settings = ConnectionSettings.Resolve(parsed, context, Usage.Stream);
        await using var connection = KiwoomConnection.Open(settings, context.Stderr, parsed.Has("--verbose"));

        // Issued here first (the client then reuses it) so a bad key fails before any socket opens,
        // and so the token joins the secrets that are never printed.
        var token = await connection.Tokens.GetTokenAsync(connection.Credential, ct: ct);
        if (!token.IsSuccess)
        {
            Diagnostics.WriteError(context.Stderr, token.Error);
            return ExitCodes.BrokerError;
        }

        context.Redactor.Add(token.Value.Value);
        var output = new StreamOutput(new RealtimeEventWriter(context.Stdout, parsed.Has("--json"), onlyFids), context.Stderr);
        await using var client = new KiwoomRealtimeClient(
            connection.Credential,
            connection.Tokens,
            logger: connection.Logger<KiwoomRealtimeClient>(),
            connect: (_, connectCt) => OpenSocketAsync(settings.WebSocketUri, connectCt));
        client.StateChanged += (_, change) => output.State(change);
        try
        {
            return await StreamAsync(client, types, items, output, connectTimeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C is how a stream is meant to end.
            output.Note("stream stopped.");
            return ExitCodes.Ok;
        }
    }

    private static async Task<int> StreamAsync(
        KiwoomRealtimeClient client, List<string> types, List<string> items, StreamOutput output, TimeSpan connectTimeout, CancellationToken ct)
    {
        KiwoomResult<RealtimeStateChange> connected;
        try
        {
            connected = await client.ConnectAsync(ct).AsTask().WaitAsync(connectTimeout, ct);
        }
        catch (TimeoutException)
        {
            output.Note($"error: no realtime connection within {connectTimeout.TotalSeconds:0.#} s ({client.Current.State}); "
                + "check the address and the network, or raise --connect-timeout.");
            return ExitCodes.BrokerError;
        }

        if (!connected.IsSuccess)
        {
            output.Note(ErrorLine(connected.Error));
            return ExitCodes.BrokerError;
        }

        var subscriptions = new List<RealtimeSubscription>();
        try
        {
            foreach (var type in types)
            {
                foreach (var item in items)
                {
                    var subscribed = await client.SubscribeAsync(type, item, ct);
                    if (!subscribed.IsSuccess)
                    {
                        output.Note(ErrorLine(subscribed.Error));
                        return ExitCodes.BrokerError;
                    }

                    subscriptions.Add(subscribed.Value);
                }
            }

            var watched = items is [""] ? "the account/market" : string.Join(' ', items);
            output.Note($"registered {string.Join(',', types)} for {watched}; Ctrl+C stops.");
            var pumps = subscriptions.Select(s => PumpAsync(s, output, ct)).ToList();
            var ended = client.WaitForAsync(s => s is RealtimeConnectionState.Failed or RealtimeConnectionState.Replaced, ct).AsTask();
            var first = await Task.WhenAny([ended, .. pumps]);
            await first;
            var end = client.Current;
            output.Note(ErrorLine(end.Error ?? new KiwoomError(KiwoomErrorKind.Server, -1, null, $"The realtime connection is {end.State}.")));
            return ExitCodes.BrokerError;
        }
        finally
        {
            await UnregisterAsync(subscriptions, output);
            var dropped = subscriptions.Sum(s => s.DroppedCount);
            if (dropped > 0)
            {
                output.Note($"note: {dropped} quote events were dropped because the output could not keep up (latest values win for quotes).");
            }
        }
    }

    /// <summary>
    /// Sends REMOVE for everything this stream registered, so the server stops pushing before the socket closes
    /// (a session that already failed has nothing to remove). Bounded: Ctrl+C must end the program promptly.
    /// </summary>
    private static async Task UnregisterAsync(List<RealtimeSubscription> subscriptions, StreamOutput output)
    {
        try
        {
            await Task.WhenAll(subscriptions.Select(s => s.DisposeAsync().AsTask())).WaitAsync(UnregisterTimeout);
        }
        catch (TimeoutException)
        {
            output.Note($"note: the server did not confirm the REMOVE of every item within {UnregisterTimeout.TotalSeconds:0} s; closing anyway.");
        }
    }

    private static async Task PumpAsync(RealtimeSubscription subscription, StreamOutput output, CancellationToken ct)
    {
        await foreach (var e in subscription.Events.ReadAllAsync(ct))
        {
            output.Event(e);
        }
    }

    private static string ErrorLine(KiwoomError error)
    {
        var writer = new StringWriter();
        Diagnostics.WriteError(writer, error);
        return writer.ToString().TrimEnd();
    }

    private static async ValueTask<WebSocket> OpenSocketAsync(Uri uri, CancellationToken ct)
    {
        var socket = new ClientWebSocket();

        // Kiwoom's heartbeat is its own PING message (PROTOCOL.md 6.3); transport pings stay off, as in Kiwoom's client.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
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

    private static (List<string> Types, List<string> Items) Subscription(CommandArguments parsed)
    {
        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("stream needs a realtime type (e.g. 0B) and the items to watch (e.g. 005930).", Usage.Stream);
        }

        var types = parsed.Positionals[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var type in types)
        {
            if (!RealtimeTypes.Registrable.Contains(type, StringComparer.Ordinal))
            {
                throw new UsageException($"'{type}' is not a realtime type. Types: {string.Join(' ', RealtimeTypes.Registrable)}.", Usage.Stream);
            }
        }

        if (types.Count == 0)
        {
            throw new UsageException("stream needs at least one realtime type.", Usage.Stream);
        }

        var items = parsed.Positionals.Skip(1).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count == 0)
        {
            var needItems = types.Where(t => !ItemlessTypes.Contains(t)).ToList();
            if (needItems.Count > 0)
            {
                throw new UsageException($"Type {string.Join(", ", needItems)} needs at least one item (a stock code such as 005930, a sector code such as 001).", Usage.Stream);
            }

            // Account and market-wide types are registered with one empty item (PROTOCOL.md 6.5).
            items.Add(string.Empty);
        }

        return (types, items);
    }

    private static TimeSpan ConnectTimeout(string? text)
    {
        if (text is null)
        {
            return DefaultConnectTimeout;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--connect-timeout takes whole seconds from 1 to 3600, not '{text}'.", Usage.Stream);
    }

    private static HashSet<int>? Fids(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var fids = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var fid) || fid > ushort.MaxValue)
            {
                throw new UsageException($"--fields takes field ids separated by commas (e.g. 20,10,11), not '{part}'.", Usage.Stream);
            }

            fids.Add(fid);
        }

        return fids.Count > 0 ? fids : throw new UsageException("--fields needs at least one field id.", Usage.Stream);
    }
}
