using System.Collections.Frozen;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Rest;

/// <summary>Finds the registry entry of a TR by its api-id, for the raw send path.</summary>
internal static class ApiDirectory
{
    // The order TRs of DESIGN.md: never retried, their own rate group.
    private static readonly FrozenSet<string> Orders = new[]
    {
        "kt10000", "kt10001", "kt10002", "kt10003", "kt10006", "kt10007", "kt10008", "kt10009",
        "kt50000", "kt50001", "kt50002", "kt50003",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static KiwoomApiDescriptor? Find(string apiId)
    {
        var tr = KiwoomCatalog.Default.Find(apiId);
        if (tr is null || tr.IsWebSocket)
        {
            return null;
        }

        var kind = tr.Id.StartsWith("au", StringComparison.OrdinalIgnoreCase) ? ApiKind.Auth
            : Orders.Contains(tr.Id) ? ApiKind.Order
            : ApiKind.Query;
        var group = kind switch
        {
            ApiKind.Auth => RateLimitGroup.Auth,
            ApiKind.Order => RateLimitGroup.Order,
            _ => RateLimitGroup.Query,
        };
        return new KiwoomApiDescriptor(tr.Id, tr.NameKo, tr.NameEn, tr.Path, kind, kind != ApiKind.Order, group, tr.Paginated, tr.MockSupported, typeof(object), typeof(object));
    }
}
