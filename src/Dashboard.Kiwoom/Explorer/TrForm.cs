using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// The request form of one TR, built from the catalog (fields) and the generated registry (kind):
/// what the CLI checks <c>field=value</c> pairs against and what the explorer page draws.
/// </summary>
public sealed record TrForm(
    string ApiId,
    string NameKo,
    string NameEn,
    string CategoryKo,
    string Category,
    string Path,
    ApiKind Kind,
    bool Paginated,
    bool IsWebSocket,
    IReadOnlyList<TrFormField> Fields)
{
    public TrFormField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The form of <paramref name="tr"/>; <paramref name="kind"/> comes from the registry, which the catalog does not carry.</summary>
    public static TrForm From(CatalogTr tr, ApiKind kind)
    {
        var fields = tr.Request.Select(f =>
        {
            var example = Example(tr, f.Name);
            var codes = CodeListParser.Parse(f.Desc);
            var closed = codes.Closed && (string.IsNullOrEmpty(example) || codes.Codes.Any(c => c.Value == example));
            return new TrFormField(f.Name, f.Ko, f.Desc, f.Required, f.Length, codes.Codes, closed, example);
        }).ToList();
        return new TrForm(tr.Id, tr.NameKo, tr.NameEn, tr.SubcategoryKo, tr.SubcategoryEn, tr.Path, kind, tr.Paginated, tr.IsWebSocket, fields);
    }

    /// <summary>The documented example as field/value pairs in the example's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ExampleOf(CatalogTr tr) =>
        tr.RequestExample.ValueKind == System.Text.Json.JsonValueKind.Object
            ? [.. tr.RequestExample.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText()))]
            : [];

    private static string? Example(CatalogTr tr, string field) =>
        tr.RequestExample.ValueKind == System.Text.Json.JsonValueKind.Object && tr.RequestExample.TryGetProperty(field, out var value)
            ? value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
