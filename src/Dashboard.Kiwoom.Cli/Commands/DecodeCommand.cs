using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Cli.Output;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Cli.Commands;

/// <summary>
/// <c>kiwoom decode &lt;api-id&gt;</c>: a raw response body on standard input, its typed meaning on
/// standard output, odd values as warnings on standard error.
/// </summary>
internal static class DecodeCommand
{
    /// <summary>Far above the largest chart page; a bigger input is not one response body.</summary>
    private const int MaxInputChars = 64 * 1024 * 1024;

    private static readonly OptionSet Options = OptionSet.Of([], ["--table"]);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct = default)
    {
        var parsed = CommandArguments.Parse(args, Options, Usage.Decode);
        if (parsed.WantsHelp)
        {
            await context.Stdout.WriteAsync(Usage.Decode.AsMemory(), ct);
            return ExitCodes.Ok;
        }

        var apiId = parsed.Positionals switch
        {
            [var id] => id,
            [] => throw new UsageException("decode needs the api-id whose answer is on standard input (e.g. kiwoom decode ka10001 < body.json).", Usage.Decode),
            _ => throw new UsageException("decode takes one api-id; the body comes on standard input.", Usage.Decode),
        };
        var (tr, api) = ApiLookup.Find(apiId, Usage.Decode);

        var input = await ReadAllAsync(context.Stdin, ct);
        if (input is null)
        {
            await context.Stderr.WriteLineAsync($"error: standard input is larger than {MaxInputChars / (1024 * 1024)} MiB; that is not one response body.");
            return ExitCodes.BrokerError;
        }

        var body = Encoding.UTF8.GetBytes(input.TrimStart('\uFEFF'));
        if (Problem(body) is { } problem)
        {
            await context.Stderr.WriteLineAsync($"error: standard input is not a Kiwoom response body: {problem}");
            return ExitCodes.BrokerError;
        }

        var warnings = new List<WireWarning>();
        var decoded = KiwoomJson.Decode(body, api.Id, warnings);
        if (!decoded.IsSuccess)
        {
            Diagnostics.WriteError(context.Stderr, decoded.Error, api.Kind);
            return ExitCodes.BrokerError;
        }

        var response = decoded.Value;
        if (parsed.Has("--table"))
        {
            ResponseTableWriter.Write(context.Stdout, TrAnswer.From(tr, [response]));
        }
        else
        {
            await context.Stdout.WriteLineAsync(TypedJsonWriter.Serialize(response));
        }

        Diagnostics.WriteWarnings(context.Stderr, warnings);
        if (LooksLikeAnotherTr(tr, response))
        {
            await context.Stderr.WriteLineAsync($"warning: none of the response fields of {tr.Id} are in the body; is it the answer of another TR?");
        }

        // An error envelope decodes fine, but it is the broker saying no: scripts must see that.
        if (Errors.KiwoomErrors.FromEnvelope(response.ReturnCode, response.ReturnMsg) is { } error)
        {
            Diagnostics.WriteError(context.Stderr, error, api.Kind);
            return ExitCodes.BrokerError;
        }

        return ExitCodes.Ok;
    }

    private static async Task<string?> ReadAllAsync(TextReader reader, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            if (text.Length + read > MaxInputChars)
            {
                return null;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>Why the input is not a response body at all, or null when it has the envelope.</summary>
    private static string? Problem(byte[] body)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return "the input is empty.";
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return $"it is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, and every answer is a JSON object.";
            }

            return root.TryGetProperty("return_code", out _)
                ? null
                : "the JSON object has no return_code, which every Kiwoom answer carries.";
        }
        catch (JsonException ex)
        {
            return $"it is not JSON ({ex.Message})";
        }
    }

    private static bool LooksLikeAnotherTr(CatalogTr tr, KiwoomResponse response) =>
        tr.Response.Count > 0
        && response.Extra is { Count: > 0 }
        && WireProperty.Of(response.GetType()).All(p => p.Name is "return_code" or "return_msg" || IsAbsent(p.ValueOf(response)));

    private static bool IsAbsent(object? value) => value switch
    {
        null => true,
        IWireValue wire => wire.Raw is null,
        IReadOnlyCollection<object> { Count: 0 } => true,
        _ => false,
    };
}
