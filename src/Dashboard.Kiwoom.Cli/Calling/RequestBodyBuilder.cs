using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Cli.CommandLine;

namespace Dashboard.Kiwoom.Cli.Calling;

/// <summary>
/// Builds a request body from <c>field=value</c> pairs, checked against the catalog before anything
/// is sent: unknown fields and missing required ones are usage errors that name the known fields.
/// </summary>
internal static class RequestBodyBuilder
{
    public static JsonObject Build(CatalogTr tr, IEnumerable<string> pairs, string usage, TextWriter stderr)
    {
        var body = new JsonObject();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"Expected field=value, got '{pair}'. {KnownFields(tr)}", usage);
            }

            var name = pair[..equals];
            var value = pair[(equals + 1)..];
            var field = tr.Request.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"{tr.Id} has no request field '{name}'. {KnownFields(tr)}", usage);
            if (body.ContainsKey(field.Name))
            {
                throw new UsageException($"Field '{field.Name}' was given more than once.", usage);
            }

            if (field.Length is { } length && value.Length > length)
            {
                // The documented lengths come from an OCR'd guide; the server is the judge, so warn and send.
                stderr.WriteLine($"warning: {field.Name} is {value.Length} characters long; the catalog documents at most {length}.");
            }

            // Every Kiwoom request value is a string on the wire, numbers included (PROTOCOL.md 3.6).
            body[field.Name] = value;
        }

        var missing = tr.Request.Where(f => f.Required && !body.ContainsKey(f.Name)).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(Environment.NewLine, missing.Select(f => $"  {f.Name}  {f.Ko}  {f.Desc}".TrimEnd()));
            throw new UsageException($"{tr.Id} needs {(missing.Count == 1 ? "this field" : "these fields")}:{Environment.NewLine}{list}", usage);
        }

        return body;
    }

    private static string KnownFields(CatalogTr tr) => tr.Request.Count == 0
        ? $"{tr.Id} takes no request fields."
        : $"Fields of {tr.Id}: " + string.Join(", ", tr.Request.Select(f => f.Required ? f.Name + " (required)" : f.Name)) + ".";
}
