
namespace Dashboard.Kiwoom.Generator;

/// <summary>Writes <c>KiwoomApis</c>: one descriptor per TR, <c>All</c> and <c>Find</c>.</summary>
internal static class RegistryEmitter
{
    public static string Emit(IReadOnlyList<TrSpec> trs, CatalogOverlay overlay)
    {
        var writer = new CodeWriter();
        GeneratedHeader.Write(writer, "System.Collections.Frozen");
        writer.Line("/// <summary>The registry of every TR: api-id, path, kind, retry safety, rate group and types.</summary>")
            .Open("public static class KiwoomApis");
        foreach (var tr in trs)
        {
            var entry = overlay.Trs[tr.Id];
            var pascal = CSharpNames.Pascal(tr.Id);
            writer.Line($"/// <summary>{CSharpNames.Doc($"{tr.Id} {tr.NameKo} ({tr.NameEn}).")}</summary>")
                .Line($"public static readonly KiwoomApiDescriptor {pascal} = new(")
                .Line($"    {CSharpNames.Literal(tr.Id)}, {CSharpNames.Literal(tr.NameKo)}, {CSharpNames.Literal(tr.NameEn)}, {CSharpNames.Literal(tr.Path)},")
                .Line($"    ApiKind.{entry.Kind}, RetrySafe: {Bool(entry.RetrySafe)}, RateLimitGroup.{entry.RateGroup}, Paginated: {Bool(tr.Paginated)}, MockSupported: {Bool(tr.MockSupported)},")
                .Line($"    typeof({pascal}Request), typeof({pascal}Response));")
                .Line();
        }

        // Field initializers run in textual order: descriptors, then All, then the index over All.
        writer.Line("/// <summary>Every TR, ordered by api-id.</summary>")
            .Line("public static IReadOnlyList<KiwoomApiDescriptor> All { get; } =")
            .Line("[");
        foreach (var tr in trs)
        {
            writer.Line($"    {CSharpNames.Pascal(tr.Id)},");
        }

        writer.Line("];")
            .Line()
            .Line("private static readonly FrozenDictionary<string, KiwoomApiDescriptor> ById =")
            .Line("    All.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);")
            .Line()
            .Line("/// <summary>The descriptor of an api-id (case-insensitive), or null.</summary>")
            .Line("public static KiwoomApiDescriptor? Find(string apiId) => ById.GetValueOrDefault(apiId);")
            .Close();
        return writer.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
