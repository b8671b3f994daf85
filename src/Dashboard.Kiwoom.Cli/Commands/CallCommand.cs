using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Cli.Calling;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Cli.Hosting;
using Dashboard.Kiwoom.Cli.Output;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Cli.Commands;

/// <summary>
/// <c>kiwoom call &lt;api-id&gt; field=value ...</c>: one TR through the library's raw send path,
/// following continuation with --all-pages, printed as tables or typed JSON.
/// </summary>
internal static class CallCommand
{
    private const int DefaultMaxPages = 20;
    private const int LargestPageLimit = 10_000;

    private static readonly OptionSet Options = OptionSet.Of(
        [.. OptionSet.ConnectionOptions, "--max-pages"],
        ["--all-pages", "--json", "--raw", "--confirm", "--verbose"]);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct = default)
    {
        var parsed = CommandArguments.Parse(args, Options, Usage.Call);
        if (parsed.WantsHelp)
        {
            await context.Stdout.WriteAsync(Usage.Call.AsMemory(), ct);
            return ExitCodes.Ok;
        }

        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("call needs an api-id (kiwoom catalog list shows every TR).", Usage.Call);
        }

        var (tr, api) = ApiLookup.Find(parsed.Positionals[0], Usage.Call);
        if (tr.IsWebSocket)
        {
            throw new UsageException($"{tr.Id} is a WebSocket message (condition search), not a REST call.", Usage.Call);
        }

        if (api.Kind == ApiKind.Auth)
        {
            throw new UsageException($"{tr.Id} is an OAuth TR; call issues and uses tokens by itself.", Usage.Call);
        }

        var body = RequestBodyBuilder.Build(tr, TrForm.From(tr, api.Kind), parsed.Positionals.Skip(1), Usage.Call, context.Stderr);
        var maxPages = MaxPages(parsed);
        var settings = ConnectionSettings.Resolve(parsed, context, Usage.Call);
        if ((api.Kind == ApiKind.Order || !api.RetrySafe) && settings.Credential.Environment != KiwoomEnvironment.Simulator && !parsed.Has("--confirm"))
        {
            throw new UsageException(
                $"{tr.Id} ({tr.NameEn}) places or changes a real order on {settings.Credential.Environment}; add --confirm to send it.",
                Usage.Call);
        }

        if (parsed.Has("--json") && parsed.Has("--raw"))
        {
            throw new UsageException("--json and --raw are two different outputs; choose one.", Usage.Call);
        }

        await using var connection = KiwoomConnection.Open(settings, context.Stderr, parsed.Has("--verbose"));
        var pages = new List<KiwoomResponse>();
        var rawPages = new List<string>();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, KiwoomJson.Options);
        KiwoomContinuation? next = null;
        var exitCode = ExitCodes.Ok;
        while (true)
        {
            var sent = await connection.Rest.SendRawAsync(connection.Credential, tr.Id, bytes, next, ct);
            if (!sent.IsSuccess)
            {
                Diagnostics.WriteError(context.Stderr, sent.Error, api.Kind);
                exitCode = ExitCodes.BrokerError;
                break;
            }

            // Kept before any check: with --raw an error answer or an undecodable body is what matters most.
            rawPages.Add(System.Text.Encoding.UTF8.GetString(sent.Value.Body.Span));
            if (sent.Value.Error is { } error)
            {
                Diagnostics.WriteError(context.Stderr, error, api.Kind);
                exitCode = ExitCodes.BrokerError;
                break;
            }

            var warnings = new List<WireWarning>();
            var decoded = KiwoomJson.Decode(sent.Value.Body.Span, api.Id, warnings);
            Diagnostics.WriteWarnings(context.Stderr, warnings);
            if (!decoded.IsSuccess)
            {
                Diagnostics.WriteError(context.Stderr, decoded.Error, api.Kind);
                exitCode = ExitCodes.BrokerError;
                break;
            }

            pages.Add(decoded.Value);
            next = sent.Value.Next;
            if (next is null)
            {
                break;
            }

            if (!parsed.Has("--all-pages"))
            {
                await context.Stderr.WriteLineAsync($"note: {tr.Id} has more pages (cont-yn=Y); add --all-pages to follow them.");
                break;
            }

            if (pages.Count >= maxPages)
            {
                await context.Stderr.WriteLineAsync($"note: stopped after {maxPages} pages (--max-pages); the answer has more.");
                break;
            }
        }

        // Pages that arrived before a failure are still printed: they are real data, and the error says where it stopped.
        if (parsed.Has("--raw"))
        {
            // As received, one body per line, ready for `kiwoom decode` or a bug report.
            rawPages.ForEach(page => context.Stdout.WriteLine(page.ReplaceLineEndings(" ")));
        }
        else if (pages.Count > 0)
        {
            Print(context.Stdout, tr, pages, parsed.Has("--json"), parsed.Has("--all-pages"));
        }

        return exitCode;
    }

    private static void Print(TextWriter stdout, Catalog.CatalogTr tr, List<KiwoomResponse> pages, bool json, bool allPages)
    {
        if (json)
        {
            stdout.WriteLine(allPages ? TypedJsonWriter.Serialize(pages) : TypedJsonWriter.Serialize(pages[0]));
        }
        else
        {
            ResponseTableWriter.Write(stdout, TrAnswer.From(tr, pages));
        }
    }

    private static int MaxPages(CommandArguments parsed)
    {
        if (parsed.Value("--max-pages") is not { } text)
        {
            return DefaultMaxPages;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > LargestPageLimit)
        {
            throw new UsageException($"--max-pages must be a whole number from 1 to {LargestPageLimit}, not '{text}'.", Usage.Call);
        }

        return value;
    }
}
