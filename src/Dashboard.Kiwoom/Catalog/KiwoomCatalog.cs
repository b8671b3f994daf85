using System.Collections.Frozen;
using System.Text.Json;

namespace Dashboard.Kiwoom.Catalog;

/// <summary>
/// The catalog embedded in this library: all 188 TRs and all realtime types, loaded once, with the overlay's
/// description errata applied (<see cref="CatalogErrata"/>).
/// The CLI lists it, the simulator answers from it, and tests iterate over it.
/// </summary>
public sealed class KiwoomCatalog
{
    private static readonly Lazy<KiwoomCatalog> Embedded = new(LoadEmbedded);

    private KiwoomCatalog(IReadOnlyList<CatalogTr> trs, RealtimeCatalog realtime)
    {
        Trs = trs;
        ById = trs.ToFrozenDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        Realtime = realtime;
        RealtimeByType = realtime.Types.ToFrozenDictionary(t => t.Type, StringComparer.Ordinal);
    }

    /// <summary>The catalog shipped with this build.</summary>
    public static KiwoomCatalog Default => Embedded.Value;

    public IReadOnlyList<CatalogTr> Trs { get; }

    public FrozenDictionary<string, CatalogTr> ById { get; }

    public RealtimeCatalog Realtime { get; }

    public FrozenDictionary<string, RealtimeTypeSpec> RealtimeByType { get; }

    public CatalogTr? Find(string apiId) => ById.GetValueOrDefault(apiId);

    /// <summary>Parses catalog and realtime JSON text (used by the generator and tests).</summary>
    public static KiwoomCatalog Parse(string catalogJson, string realtimeJson)
    {
        var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip };
        var trs = JsonSerializer.Deserialize<List<CatalogTr>>(catalogJson, options)
            ?? throw new InvalidDataException("catalog.json is empty.");
        var realtime = JsonSerializer.Deserialize<RealtimeCatalog>(realtimeJson, options)
            ?? throw new InvalidDataException("realtime.json is empty.");
        return new KiwoomCatalog(trs, realtime);
    }

    private static KiwoomCatalog LoadEmbedded()
    {
        var assembly = typeof(KiwoomCatalog).Assembly;
        var catalog = CatalogErrata.Apply(ReadResource(assembly, "Dashboard.Kiwoom.catalog.json"), ReadResource(assembly, "Dashboard.Kiwoom.overlay.json"));
        return Parse(catalog, ReadResource(assembly, "Dashboard.Kiwoom.realtime.json"));
    }

    private static string ReadResource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
