using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Kiwoom.Cli.Calling;

/// <summary>
/// Builds a request body from <c>field=value</c> pairs, checked by the shared <see cref="TrFormValidator"/>
/// (the explorer page uses the same rules) before anything is sent: unknown fields and missing required
/// ones are usage errors that name the known fields; warnings go to standard error and the body is sent.
/// </summary>
internal static class RequestBodyBuilder
{
    public static JsonObject Build(CatalogTr tr, TrForm form, IEnumerable<string> pairs, string usage, TextWriter stderr)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"Expected field=value, got '{pair}'. {KnownFields(tr)}", usage);
            }

            values.Add(KeyValuePair.Create(pair[..equals], pair[(equals + 1)..]));
        }

        var checkedValues = TrFormValidator.Validate(form, values);
        if (checkedValues.Errors.FirstOrDefault() is { } first)
        {
            throw first.Kind switch
            {
                TrFormProblemKind.UnknownField => new UsageException($"{first.Message} {KnownFields(tr)}", usage),
                TrFormProblemKind.MissingRequired => Missing(tr, checkedValues.Errors.Where(e => e.Kind == TrFormProblemKind.MissingRequired), usage),
                _ => new UsageException(first.Message, usage),
            };
        }

        foreach (var warning in checkedValues.Warnings)
        {
            stderr.WriteLine($"warning: {warning.Message}");
        }

        return checkedValues.Body;
    }

    private static UsageException Missing(CatalogTr tr, IEnumerable<TrFormProblem> missing, string usage)
    {
        var fields = missing.Select(m => tr.Request.First(f => f.Name == m.Field)).ToList();
        var list = string.Join(Environment.NewLine, fields.Select(f => $"  {f.Name}  {f.Ko}  {f.Desc}".TrimEnd()));
        return new UsageException($"{tr.Id} needs {(fields.Count == 1 ? "this field" : "these fields")}:{Environment.NewLine}{list}", usage);
    }

    private static string KnownFields(CatalogTr tr) => tr.Request.Count == 0
        ? $"{tr.Id} takes no request fields."
        : $"Fields of {tr.Id}: " + string.Join(", ", tr.Request.Select(f => f.Required ? f.Name + " (required)" : f.Name)) + ".";
}
