using System.Globalization;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Cli.Hosting;
using Dashboard.Kiwoom.Cli.Output;
using Dashboard.Kiwoom.Cli.Streaming;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Cli.Commands;

/// <summary>
/// <c>kiwoom stream &lt;type&gt; &lt;item&gt;...</c>: LOGIN, REG, then every REAL event on standard output
/// until Ctrl+C (exit 0) or the end of the session (exit 1). PINGs are echoed unchanged. There is
/// no reconnect: a script that wants one runs the command again.
/// </summary>
internal static class StreamCommand
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    // Types delivered for the token's account or the whole market: registered with item "" (PROTOCOL.md 7.0).
    private static readonly HashSet<string> ItemlessTypes = new(StringComparer.Ordinal) { RealtimeTypes.OrderExecution, RealtimeTypes.Balance, RealtimeTypes.SessionNotice, RealtimeTypes.ViTrigger };

    private static readonly OptionSet Options = OptionSet.Of([.. OptionSet.ConnectionOptions, "--fields"], ["--json", "--verbose"]);

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
        var settings = ConnectionSettings.Resolve(parsed, context, Usage.Stream);
        await using var connection = KiwoomConnection.Open(settings, context.Stderr, parsed.Has("--verbose"));

        var token = await connection.Tokens.GetTokenAsync(connection.Credential, ct: ct);
        if (!token.IsSuccess)
        {
            Diagnostics.WriteError(context.Stderr, token.Error);
            return ExitCodes.BrokerError;
        }

        context.Redactor.Add(token.Value.Value);
        var opened = await RealtimeSocket.ConnectAsync(settings.WebSocketUri, ConnectTimeout, ct);
        if (!opened.IsSuccess)
        {
            Diagnostics.WriteError(context.Stderr, opened.Error);
            return ExitCodes.BrokerError;
        }

        await using var socket = opened.Value;
        var session = new StreamSession(socket, context, new RealtimeEventWriter(context.Stdout, parsed.Has("--json"), onlyFids));
        try
        {
            return await session.RunAsync(token.Value.Value, types, items, AnswerTimeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C is how a stream is meant to end.
            await context.Stderr.WriteLineAsync("stream stopped.");
            return ExitCodes.Ok;
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

        var items = parsed.Positionals.Skip(1).ToList();
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
