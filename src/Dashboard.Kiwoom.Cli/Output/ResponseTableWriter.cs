using System.Collections;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// The readable form of decoded answers: the single fields as a field/name/value table, then one
/// table per LIST field with the rows of every page one after another.
/// </summary>
internal static class ResponseTableWriter
{
    public static void Write(TextWriter writer, CatalogTr tr, IReadOnlyList<KiwoomResponse> pages)
    {
        var properties = WireProperty.Of(pages[0].GetType());
        var names = tr.Response.ToDictionary(f => f.Name, f => f.Ko, StringComparer.Ordinal);

        var single = new TextTable(["field", "이름", "value"]);
        foreach (var property in properties.Where(p => !p.IsList))
        {
            // Single fields repeat on every page; the last page's are the freshest.
            single.Add(property.Name, names.GetValueOrDefault(property.Name, string.Empty), ValueText.Of(property.ValueOf(pages[^1])));
        }

        foreach (var (name, value) in pages.SelectMany(p => WireProperty.ExtraOf(p) ?? []).DistinctBy(e => e.Key))
        {
            single.Add(name, "(not in catalog)", ValueText.Of(value));
        }

        single.WriteTo(writer);
        foreach (var list in properties.Where(p => p.IsList))
        {
            var rows = pages.SelectMany(page => ((IEnumerable?)list.ValueOf(page))?.Cast<object>() ?? []).ToList();
            writer.WriteLine();
            var label = names.GetValueOrDefault(list.Name, string.Empty);
            writer.WriteLine($"{list.Name} {label} ({rows.Count} rows{(pages.Count > 1 ? $", {pages.Count} pages" : string.Empty)})");
            if (rows.Count > 0)
            {
                WriteRows(writer, rows);
            }
        }
    }

    private static void WriteRows(TextWriter writer, List<object> rows)
    {
        var columns = WireProperty.Of(rows[0].GetType());
        var extraColumns = rows.SelectMany(r => WireProperty.ExtraOf(r)?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
        var table = new TextTable([.. columns.Select(c => c.Name), .. extraColumns]);
        foreach (var row in rows)
        {
            var extra = WireProperty.ExtraOf(row);
            table.Add([
                .. columns.Select(c => ValueText.Of(c.ValueOf(row))),
                .. extraColumns.Select(name => extra is not null && extra.TryGetValue(name, out var value) ? ValueText.Of(value) : string.Empty),
            ]);
        }

        table.WriteTo(writer);
    }
}
