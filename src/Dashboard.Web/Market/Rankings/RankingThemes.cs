using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Web.Market.Rankings;

/// <summary>
/// The ranking TRs (the catalog's "ranking" group, all of them) grouped by what a trader looks for. The
/// grouping is hand-kept; a ranking TR the map does not know still appears, under "other".
/// </summary>
public static class RankingThemes
{
    public const string Other = "other";

    private static readonly (string Theme, string[] Ids)[] Map =
    [
        ("volume", ["ka10030", "ka10031", "ka10023"]),
        ("value", ["ka10032"]),
        ("change", ["ka10027", "ka10029", "ka10098"]),
        ("orderbook", ["ka10020", "ka10021", "ka10022"]),
        ("credit", ["ka10033"]),
        ("foreign", ["ka90009", "ka10034", "ka10035", "ka10036", "ka10062", "ka10065"]),
        ("brokers", ["ka10037", "ka10039", "ka10038", "ka10040", "ka10042", "ka10053"]),
    ];

    private static readonly Lazy<IReadOnlyList<RankingTheme>> Built = new(Build);

    /// <summary>Every ranking TR of the catalog, each in exactly one theme, themes in picker order.</summary>
    public static IReadOnlyList<RankingTheme> All => Built.Value;

    public static IEnumerable<TrForm> Forms => All.SelectMany(t => t.Forms);

    public static RankingTheme? ThemeOf(string apiId) =>
        All.FirstOrDefault(t => t.Forms.Any(f => string.Equals(f.ApiId, apiId, StringComparison.OrdinalIgnoreCase)));

    private static IReadOnlyList<RankingTheme> Build()
    {
        var ranking = TrForms.All.Where(f => f.Category == "ranking").ToDictionary(f => f.ApiId, StringComparer.Ordinal);
        var themes = Map.Select(m => new RankingTheme(m.Theme, [.. m.Ids.Where(ranking.ContainsKey).Select(id => ranking[id])])).ToList();
        var placed = Map.SelectMany(m => m.Ids).ToHashSet(StringComparer.Ordinal);
        var rest = ranking.Values.Where(f => !placed.Contains(f.ApiId)).OrderBy(f => f.ApiId, StringComparer.Ordinal).ToList();
        if (rest.Count > 0)
        {
            themes.Add(new RankingTheme(Other, rest));
        }

        return [.. themes.Where(t => t.Forms.Count > 0)];
    }
}

/// <summary>One group of the rankings picker: a theme key (its name comes from the resources) and its TRs.</summary>
public sealed record RankingTheme(string Key, IReadOnlyList<TrForm> Forms);
