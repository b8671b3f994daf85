using System.Text.Json;

namespace Dashboard.Kiwoom.Generator;

/// <summary>
/// Catalog + overlay (+ realtime.json for the FID names) -> the committed C# of src/Dashboard.Kiwoom/Generated. Pure: the drift test runs
/// it in memory and compares with the files on disk.
/// </summary>
public static class KiwoomCodeGenerator
{
    /// <summary>Where the output goes, relative to the repository root.</summary>
    public static readonly string OutputFolder = Path.Combine("src", "Dashboard.Kiwoom", "Generated");

    private static readonly string[] Kinds = ["Auth", "Query", "Order", "Realtime"];
    private static readonly string[] RateGroups = ["Auth", "Query", "Order"];

    /// <summary>Reads the catalog and overlay of the repository at <paramref name="repoRoot"/>.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string repoRoot)
    {
        var catalogFolder = Path.Combine(repoRoot, "src", "Dashboard.Kiwoom", "Catalog");
        return Generate(
            File.ReadAllText(Path.Combine(catalogFolder, "catalog.json")),
            File.ReadAllText(Path.Combine(catalogFolder, "overlay.json")),
            File.ReadAllText(Path.Combine(catalogFolder, "realtime.json")));
    }

    /// <summary>File name -> content, ordered by file name; the FID table only when <paramref name="realtimeJson"/> is given.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string catalogJson, string overlayJson, string? realtimeJson = null)
    {
        var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip };
        // The descriptions the overlay corrects decide types too, exactly as the library's embedded catalog reads them.
        var trs = JsonSerializer.Deserialize<List<TrSpec>>(Catalog.CatalogErrata.Apply(catalogJson, overlayJson), options)
            ?? throw new InvalidDataException("catalog.json is empty.");
        var overlay = JsonSerializer.Deserialize<CatalogOverlay>(overlayJson, options)
            ?? throw new InvalidDataException("overlay.json is empty.");
        Validate(trs, overlay);

        var ordered = trs.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var serializable = new List<string>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in ordered.GroupBy(Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var writer = new CodeWriter();
            GeneratedHeader.Write(writer, "System.Text.Json", "System.Text.Json.Serialization", "W = Dashboard.Kiwoom.Wire");
            var first = true;
            foreach (var tr in family)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                new TrEmitter(tr, overlay.Trs[tr.Id], overlay.Fields, serializable).Emit(writer);
            }

            files[$"Apis.{family.Key}.g.cs"] = writer.ToString();
        }

        files["KiwoomApis.g.cs"] = RegistryEmitter.Emit(ordered, overlay);
        files["KiwoomJsonContext.g.cs"] = ContextEmitter.Emit(serializable);
        if (realtimeJson is not null)
        {
            files[RealtimeFidEmitter.FileName] = RealtimeFidEmitter.Emit(realtimeJson);
        }

        return files;
    }

    /// <summary>Writes the generated files and deletes generated files that are no longer produced.</summary>
    public static IReadOnlyList<string> Write(string repoRoot)
    {
        var files = Generate(repoRoot);
        var folder = Path.Combine(repoRoot, OutputFolder);
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.g.cs").Where(f => !files.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return [.. files.Keys];
    }

    /// <summary>"/api/dostk/stkinfo" -> "Stkinfo"; both OAuth paths -> "OAuth".</summary>
    private static string Family(TrSpec tr) =>
        tr.Path.StartsWith("/oauth2/", StringComparison.Ordinal) ? "OAuth" : CSharpNames.Pascal(tr.Path[(tr.Path.LastIndexOf('/') + 1)..]);

    private static void Validate(List<TrSpec> trs, CatalogOverlay overlay)
    {
        var missing = trs.Where(t => !overlay.Trs.ContainsKey(t.Id)).Select(t => t.Id).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("overlay.json has no entry for " + string.Join(", ", missing));
        }

        var unknown = overlay.Trs.Keys.Where(id => trs.All(t => t.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException("overlay.json names TRs the catalog lacks: " + string.Join(", ", unknown));
        }

        foreach (var (id, entry) in overlay.Trs)
        {
            if (!Kinds.Contains(entry.Kind) || !RateGroups.Contains(entry.RateGroup))
            {
                throw new InvalidDataException($"overlay.json: {id} has kind '{entry.Kind}' / rate group '{entry.RateGroup}'.");
            }
        }
    }
}
