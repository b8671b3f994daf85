using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Writes a schema-complete success body for any catalog TR: every documented response field, in catalog
/// order, rendered from the row it describes, with LIST fields paged by offset (cont-yn/next-key).
/// </summary>
internal sealed class ResponseComposer(MarketEngine engine, RowPlanner planner, IOptions<SimulatorOptions> options)
{
    public const string SuccessMessage = "정상적으로 처리되었습니다";

    /// <summary>Korean text unescaped, as Kiwoom sends it.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ComposedResponse Compose(
        CatalogTr tr,
        RequestInput input,
        int offset,
        IReadOnlyDictionary<string, string>? overrides = null,
        Func<CatalogField, IReadOnlyList<RowContext>?>? rowsOverride = null,
        string successMessage = SuccessMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var more = false;
        var nextOffset = 0;
        engine.Read(_ =>
        {
            var now = KoreaTime.Now(engine.Clock);
            var top = planner.TopLevel(tr, input, now, overrides);
            using var w = new Utf8JsonWriter(buffer, WriterOptions);
            w.WriteStartObject();
            foreach (var field in tr.Response)
            {
                if (field.Name is "return_code" or "return_msg")
                {
                    continue;
                }

                if (field.IsList)
                {
                    var pageSize = !tr.Paginated ? int.MaxValue : RowPlanner.IntervalOf(tr.Id) == ChartInterval.None ? options.Value.PageSize : 100;

                    // One row past the page tells whether another page exists without building them all.
                    var limit = pageSize == int.MaxValue ? int.MaxValue : offset + pageSize + 1;
                    var rows = rowsOverride?.Invoke(field) ?? planner.Rows(tr, field, input, now, limit);
                    var start = Math.Min(offset, rows.Count);
                    var end = (int)Math.Min(rows.Count, (long)start + pageSize);
                    w.WriteStartArray(field.Name);
                    for (var k = start; k < end; k++)
                    {
                        WriteObject(w, field.Fields ?? [], rows[k]);
                    }

                    w.WriteEndArray();
                    if (end < rows.Count)
                    {
                        more = true;
                        nextOffset = end;
                    }

                    continue;
                }

                if (field.IsObject)
                {
                    w.WritePropertyName(field.Name);
                    WriteObject(w, field.Fields ?? [], top);
                    continue;
                }

                w.WriteString(field.Name, FieldRenderer.Render(FieldClassifier.For(field), top));
            }

            w.WriteNumber("return_code", 0);
            w.WriteString("return_msg", successMessage);
            w.WriteEndObject();
            return 0;
        });

        return new ComposedResponse(buffer.WrittenSpan.ToArray(), more, more ? NextKey(tr, input, nextOffset) : "");
    }

    /// <summary>Opaque to clients; the simulator reads the offset back from the trailing digits.</summary>
    public static string NextKey(CatalogTr tr, RequestInput input, int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{tr.Id}{input.Get("stk_cd").Replace("|", "", StringComparison.Ordinal)}{offset:D8}") is var key && key.Length <= 50 ? key : $"{tr.Id}{offset:D8}";

    public static int OffsetOf(string? nextKey) =>
        nextKey is { Length: >= 8 } && int.TryParse(nextKey.AsSpan(nextKey.Length - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;

    private static void WriteObject(Utf8JsonWriter w, IReadOnlyList<CatalogField> fields, RowContext row)
    {
        w.WriteStartObject();
        foreach (var f in fields)
        {
            if (f.IsList || f.IsObject)
            {
                w.WriteStartArray(f.Name);
                w.WriteEndArray();
                continue;
            }

            w.WriteString(f.Name, FieldRenderer.Render(FieldClassifier.For(f), row));
        }

        w.WriteEndObject();
    }
}
