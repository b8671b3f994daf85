using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Cli.Output;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Cli.Commands;

/// <summary><c>kiwoom catalog list</c> and <c>kiwoom catalog show &lt;id&gt;</c>: what the API offers, offline.</summary>
internal static class CatalogCommand
{
    private static readonly OptionSet Options = OptionSet.Of([], ["--json"]);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CommandArguments.Parse(args, Options, Usage.Catalog);
        if (parsed.WantsHelp)
        {
            context.Stdout.Write(Usage.Catalog);
            return ExitCodes.Ok;
        }

        var json = parsed.Has("--json");
        return parsed.Positionals switch
        {
            ["list"] => List(context.Stdout, json),
            ["show", var id] => Show(context.Stdout, id, json),
            ["show"] => throw new UsageException("catalog show needs an api-id (e.g. ka10001) or a realtime type (e.g. 0B).", Usage.Catalog),
            [] => throw new UsageException("catalog needs a subcommand: list or show.", Usage.Catalog),
            [var sub, ..] when sub is not ("list" or "show") => throw new UsageException($"Unknown catalog subcommand '{sub}'.", Usage.Catalog),
            _ => throw new UsageException("Too many arguments.", Usage.Catalog),
        };
    }

    private static int List(TextWriter stdout, bool json)
    {
        var trs = KiwoomCatalog.Default.Trs.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        if (json)
        {
            var rows = trs.Select(t => new { id = t.Id, name_ko = t.NameKo, name_en = t.NameEn, method = t.Method, path = t.Path });
            stdout.WriteLine(JsonSerializer.Serialize(rows, Json));
            return ExitCodes.Ok;
        }

        var table = new TextTable(["id", "이름", "name", "path"]);
        foreach (var tr in trs)
        {
            table.Add(tr.Id, tr.NameKo, tr.NameEn, tr.Path);
        }

        table.WriteTo(stdout);
        return ExitCodes.Ok;
    }

    private static int Show(TextWriter stdout, string id, bool json)
    {
        if (KiwoomCatalog.Default.Find(id) is { } tr)
        {
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(tr, Json));
            }
            else
            {
                ShowTr(stdout, tr);
            }

            return ExitCodes.Ok;
        }

        if (KiwoomCatalog.Default.RealtimeByType.TryGetValue(id, out var type))
        {
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(type, Json));
            }
            else
            {
                ShowRealtime(stdout, type);
            }

            return ExitCodes.Ok;
        }

        throw new UsageException($"'{id}' is neither an api-id nor a realtime type; kiwoom catalog list shows every TR.", Usage.Catalog);
    }

    private static void ShowTr(TextWriter stdout, CatalogTr tr)
    {
        var api = KiwoomApis.Find(tr.Id);
        stdout.WriteLine($"{tr.Id}  {tr.NameKo} ({tr.NameEn})");
        stdout.WriteLine($"{tr.Method} {tr.Path}{(tr.IsWebSocket ? "  (WebSocket message, not a REST call)" : string.Empty)}");
        if (api is not null)
        {
            stdout.WriteLine($"kind {api.Kind}, rate group {api.RateGroup}, {(api.RetrySafe ? "retry-safe" : "never retried")}");
        }

        stdout.WriteLine($"{(tr.Paginated ? "continuation paging (cont-yn/next-key)" : "single page")}, {(tr.MockSupported ? "offered" : "not offered")} by mock investing");
        stdout.WriteLine();
        stdout.WriteLine("Request fields:");
        WriteFields(stdout, tr.Request);
        stdout.WriteLine();
        stdout.WriteLine("Response fields:");
        WriteFields(stdout, tr.Response);
        if (tr.RequestExample.ValueKind == JsonValueKind.Object)
        {
            stdout.WriteLine();
            stdout.WriteLine("Request example:");
            stdout.WriteLine(JsonSerializer.Serialize(tr.RequestExample, Json));
        }

        if (tr.Notes.Length > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Notes: " + tr.Notes);
        }
    }

    private static void WriteFields(TextWriter stdout, IReadOnlyList<CatalogField> fields)
    {
        if (fields.Count == 0)
        {
            stdout.WriteLine("  (none)");
            return;
        }

        var table = new TextTable(["field", "이름", "type", "req", "len", "description"]);
        foreach (var field in fields)
        {
            AddField(table, field, string.Empty);
        }

        table.WriteTo(stdout);
    }

    private static void AddField(TextTable table, CatalogField field, string prefix)
    {
        table.Add(prefix + field.Name, field.Ko, field.Type, field.Required ? "Y" : "N", field.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, field.Desc);
        foreach (var child in field.Fields ?? [])
        {
            AddField(table, child, prefix + field.Name + "[].");
        }
    }

    private static void ShowRealtime(TextWriter stdout, RealtimeTypeSpec type)
    {
        stdout.WriteLine($"{type.Type}  {type.NameKo} ({type.NameEn})  realtime type, kiwoom stream {type.Type} <item>");
        stdout.WriteLine();
        var kinds = RealtimeFields.For(type.Type).ToDictionary(f => f.Fid);
        var table = new TextTable(["fid", "이름", "name", "kind", "format", "sample"]);
        foreach (var field in type.Fields)
        {
            var kind = int.TryParse(field.Fid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fid) && kinds.TryGetValue(fid, out var definition) ? definition.Kind.ToString() : string.Empty;
            table.Add(field.Fid, field.Ko, field.En, kind, field.Format, field.Sample ?? string.Empty);
        }

        table.WriteTo(stdout);
    }
}
