using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Tests.Catalog;

public sealed class KiwoomCatalogTests
{
    [Fact]
    public void EmbeddedCatalogHoldsEveryTrOfTheGuide()
    {
        var catalog = KiwoomCatalog.Default;

        Assert.Equal(188, catalog.Trs.Count);
        Assert.Equal("/api/dostk/stkinfo", catalog.Find("ka10001")?.Path);
        Assert.Equal(4, catalog.Trs.Count(t => t.IsWebSocket));
    }

    [Fact]
    public void EmbeddedRealtimeCatalogHoldsEveryRealtimeType()
    {
        var realtime = KiwoomCatalog.Default.Realtime;

        Assert.Equal(19, realtime.Types.Count);
        Assert.Equal(163, KiwoomCatalog.Default.RealtimeByType["0D"].Fields.Count);
    }

    [Fact]
    public void EmbeddedCatalogMatchesTheSharedReferenceCopy()
    {
        // The project owns its copy; this flags when the reference beside the repo moves on.
        var shared = Path.Combine(RepositoryRoot.Path, "..", "shared", "kiwoom", "catalog.json");
        if (!File.Exists(shared))
        {
            return;
        }

        var owned = Path.Combine(RepositoryRoot.Path, "src", "Dashboard.Kiwoom", "Catalog", "catalog.json");
        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(owned));
    }
}
