using System.Reflection;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Generation;

public sealed class KiwoomApisTests
{
    private static readonly string[] OrderIds =
        ["kt10000", "kt10001", "kt10002", "kt10003", "kt10006", "kt10007", "kt10008", "kt10009", "kt50000", "kt50001", "kt50002", "kt50003"];

    [Fact]
    public void RegistryHoldsEveryCatalogTrInApiIdOrder()
    {
        var catalogIds = KiwoomCatalog.Default.Trs.Select(t => t.Id).Order(StringComparer.Ordinal);

        Assert.Equal(catalogIds, KiwoomApis.All.Select(d => d.Id));
        Assert.Equal(188, KiwoomApis.All.Count);
    }

    [Fact]
    public void DescriptorsCarryTheCatalogPathAndFlags()
    {
        Assert.All(KiwoomApis.All, d =>
        {
            var tr = KiwoomCatalog.Default.ById[d.Id];
            Assert.Equal(tr.Path, d.Path);
            Assert.Equal(tr.Paginated, d.Paginated);
            Assert.Equal(tr.MockSupported, d.MockSupported);
        });
    }

    [Fact]
    public void EveryOrderTrIsNotRetrySafeAndNothingElseIs()
    {
        var notRetrySafe = KiwoomApis.All.Where(d => !d.RetrySafe).Select(d => d.Id);

        Assert.Equal(OrderIds, notRetrySafe);
        Assert.All(OrderIds, id =>
        {
            var descriptor = KiwoomApis.Find(id)!;
            Assert.Equal(ApiKind.Order, descriptor.Kind);
            Assert.Equal(RateLimitGroup.Order, descriptor.RateGroup);
        });
    }

    [Fact]
    public void KindsFollowTheTrFamilies()
    {
        Assert.Equal(["au10001", "au10002"], KiwoomApis.All.Where(d => d.Kind == ApiKind.Auth).Select(d => d.Id));
        Assert.Equal(["ka10171", "ka10172", "ka10173", "ka10174"], KiwoomApis.All.Where(d => d.Kind == ApiKind.Realtime).Select(d => d.Id));
        Assert.All(KiwoomApis.All.Where(d => d.Kind == ApiKind.Realtime), d => Assert.Equal(KiwoomEndpoints.WebSocketPath, d.Path));
        Assert.Equal(188 - 2 - 4 - OrderIds.Length, KiwoomApis.All.Count(d => d.Kind == ApiKind.Query));
    }

    [Fact]
    public void FindIgnoresCaseAndReturnsNullForUnknownIds()
    {
        Assert.Same(KiwoomApis.Ka10001, KiwoomApis.Find("KA10001"));
        Assert.Null(KiwoomApis.Find("ka99999"));
    }

    [Fact]
    public void EveryRequestPointsAtItsOwnDescriptorAndResponseType()
    {
        Assert.All(KiwoomApis.All, d =>
        {
            Assert.True(d.ResponseType.IsSubclassOf(typeof(KiwoomResponse)), d.Id);
            var contract = typeof(IKiwoomRequest<>).MakeGenericType(d.ResponseType);
            Assert.True(contract.IsAssignableFrom(d.RequestType), d.Id);
            var api = d.RequestType.GetProperty(nameof(IKiwoomRequest.Api))!;
            var instance = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(d.RequestType);
            Assert.Same(d, api.GetValue(instance));
        });
    }

    [Fact]
    public void EveryGeneratedTypeIsInTheJsonContext()
    {
        var generated = typeof(KiwoomApis).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(KiwoomApis).Namespace && t.IsPublic && !t.IsAbstract)
            .Where(t => t.IsSubclassOf(typeof(KiwoomResponse)) || t.IsSubclassOf(typeof(KiwoomRow)) || typeof(IKiwoomRequest).IsAssignableFrom(t))
            .ToList();

        Assert.True(generated.Count > 188 * 2, $"only {generated.Count} generated types found");
        Assert.All(generated, t => Assert.NotNull(KiwoomJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void EveryResponseAndRowReportsItsWarnings()
    {
        var types = typeof(KiwoomApis).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(KiwoomApis).Namespace && (t.IsSubclassOf(typeof(KiwoomResponse)) || t.IsSubclassOf(typeof(KiwoomRow))));

        Assert.All(types, t => Assert.Contains(typeof(IWireChecked), t.GetInterfaces()));
    }

    [Fact]
    public void ResponsePropertiesUseTheOverlayNames()
    {
        var price = typeof(Ka10001Response).GetProperty("CurrentPrice", BindingFlags.Public | BindingFlags.Instance);

        Assert.NotNull(price);
        Assert.Equal(typeof(SignedPrice), price.PropertyType);
        Assert.Equal(typeof(KDateTime), typeof(Au10001Response).GetProperty("ExpiresAt")!.PropertyType);
        Assert.Equal(typeof(KTime), typeof(Ka10004Response).GetProperty("BidReqBaseTm")!.PropertyType);
    }
}
