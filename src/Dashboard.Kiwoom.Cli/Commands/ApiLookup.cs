using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Kiwoom.Cli.Commands;

/// <summary>Finds a TR by api-id in both the catalog (fields) and the generated registry (types), or fails with usage help.</summary>
internal static class ApiLookup
{
    public static (CatalogTr Tr, KiwoomApiDescriptor Api) Find(string apiId, string usage)
    {
        var tr = KiwoomCatalog.Default.Find(apiId);
        var api = KiwoomApis.Find(apiId);
        if (tr is null || api is null)
        {
            throw new UsageException($"'{apiId}' is not an api-id of the catalog; kiwoom catalog list shows every TR.", usage);
        }

        return (tr, api);
    }
}
