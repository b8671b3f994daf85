using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// The readable form of a <see cref="TrAnswer"/> (the explorer page draws the same model): the single
/// fields as a field/name/value table, then one table per LIST field with the rows of every page.
/// </summary>
internal static class ResponseTableWriter
{
    public static void Write(TextWriter writer, TrAnswer answer)
    {
        var single = new TextTable(["field", "이름", "value"]);
        foreach (var field in answer.Fields)
        {
            single.Add(field.Field.Name, field.Field.InCatalog ? field.Field.NameKo : "(not in catalog)", field.Value.Text);
        }

        single.WriteTo(writer);
        foreach (var list in answer.Lists)
        {
            writer.WriteLine();
            writer.WriteLine($"{list.Name} {list.NameKo} ({list.Rows.Count} rows{(answer.Pages > 1 ? $", {answer.Pages} pages" : string.Empty)})");
            if (list.Rows.Count > 0)
            {
                var table = new TextTable([.. list.Columns.Select(c => c.Name)]);
                foreach (var row in list.Rows)
                {
                    table.Add([.. row.Select(c => c.Text)]);
                }

                table.WriteTo(writer);
            }
        }
    }
}
