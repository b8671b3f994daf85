using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>The forms of every TR that is both in the catalog and in the generated registry (all 188), built once.</summary>
public static class TrForms
{
    private static readonly Lazy<IReadOnlyList<TrForm>> Built = new(() =>
        [.. KiwoomCatalog.Default.Trs
            .Select(tr => (tr, api: KiwoomApis.Find(tr.Id)))
            .Where(p => p.api is not null)
            .Select(p => TrForm.From(p.tr, p.api!.Kind))]);

    public static IReadOnlyList<TrForm> All => Built.Value;

    public static TrForm? Find(string apiId) =>
        All.FirstOrDefault(f => string.Equals(f.ApiId, apiId, StringComparison.OrdinalIgnoreCase));
}
