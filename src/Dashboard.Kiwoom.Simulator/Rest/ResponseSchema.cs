using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// The simulator's view of the catalog: every TR as the shared catalog lists it, plus the response fields the
/// live API sends that the catalog's field tables lack, and the description corrections that decide how a
/// field is rendered (response-supplement.json). The shared catalog feeds the generator and stays as it is;
/// a client talking to the simulator sees what it would see live.
/// </summary>
internal static class ResponseSchema
{
    private static readonly Lazy<SupplementFile> Supplement = new(LoadSupplement);
    private static readonly Lazy<FrozenDictionary<string, CatalogTr>> Trs = new(Build);

    /// <summary>The TR with its completed response fields, or null when the catalog has no such TR.</summary>
    public static CatalogTr? Find(string apiId) => Trs.Value.GetValueOrDefault(apiId);

    /// <summary>Names of the fields the supplement adds to a TR (anywhere in it): what the shared catalog still lacks.</summary>
    public static IReadOnlySet<string> AddedFields(string apiId) =>
        Supplement.Value.Additions.Where(a => a.Tr == apiId).SelectMany(a => a.Fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, CatalogTr> Build()
    {
        var supplement = Supplement.Value;
        return KiwoomCatalog.Default.Trs
            .Select(tr => tr with { Response = Complete(tr, supplement) })
            .ToFrozenDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<CatalogField> Complete(CatalogTr tr, SupplementFile supplement)
    {
        var additions = supplement.Additions.Where(a => a.Tr == tr.Id).ToArray();
        var corrections = supplement.Corrections.Where(c => c.Tr == tr.Id).ToArray();
        if (additions.Length == 0 && corrections.Length == 0)
        {
            return tr.Response;
        }

        // Corrections of the LIST fields themselves first, so a "LIST" that is really a string loses its rows.
        var top = Apply(tr.Response, additions.Where(a => a.List is null), corrections.Where(c => c.List is null), tr.Id);
        return top.Select(f => f.IsList || f.IsObject
            ? f with { Fields = Apply(f.Fields ?? [], additions.Where(a => a.List == f.Name), corrections.Where(c => c.List == f.Name), tr.Id) }
            : f).ToArray();
    }

    private static List<CatalogField> Apply(IReadOnlyList<CatalogField> fields, IEnumerable<Addition> additions, IEnumerable<Correction> corrections, string apiId)
    {
        var result = fields.ToList();
        foreach (var c in corrections)
        {
            var at = result.FindIndex(f => f.Name == c.Name);
            if (at < 0)
            {
                throw new InvalidDataException($"response-supplement.json corrects {apiId}.{c.Name}, which the catalog does not list.");
            }

            result[at] = c.Type is null
                ? result[at] with { Desc = c.Desc ?? result[at].Desc }
                : result[at] with { Desc = c.Desc ?? result[at].Desc, Type = c.Type, Fields = null };
        }

        foreach (var a in additions)
        {
            if (a.Fields.FirstOrDefault(f => result.Any(r => r.Name == f.Name)) is { } duplicate)
            {
                // The catalog caught up: the supplement entry is stale and must go, not shadow the catalog.
                throw new InvalidDataException($"response-supplement.json adds {apiId}.{duplicate.Name}, which the catalog already lists.");
            }

            var at = a.After is null ? result.Count : result.FindIndex(f => f.Name == a.After) + 1;
            if (at == 0)
            {
                throw new InvalidDataException($"response-supplement.json places fields after {apiId}.{a.After}, which the catalog does not list.");
            }

            result.InsertRange(at, a.Fields);
        }

        return result;
    }

    private static SupplementFile LoadSupplement()
    {
        using var stream = typeof(ResponseSchema).Assembly.GetManifestResourceStream("Dashboard.Kiwoom.Simulator.response-supplement.json")
            ?? throw new InvalidOperationException("Embedded resource response-supplement.json is missing from the build.");
        return JsonSerializer.Deserialize<SupplementFile>(stream) ?? throw new InvalidDataException("response-supplement.json is empty.");
    }

    private sealed record SupplementFile(
        [property: JsonPropertyName("additions")] IReadOnlyList<Addition> Additions,
        [property: JsonPropertyName("corrections")] IReadOnlyList<Correction> Corrections);

    private sealed record Addition(
        [property: JsonPropertyName("tr")] string Tr,
        [property: JsonPropertyName("list")] string? List,
        [property: JsonPropertyName("after")] string? After,
        [property: JsonPropertyName("fields")] IReadOnlyList<CatalogField> Fields);

    private sealed record Correction(
        [property: JsonPropertyName("tr")] string Tr,
        [property: JsonPropertyName("list")] string? List,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("desc")] string? Desc,
        [property: JsonPropertyName("type")] string? Type);
}
