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

    /// <summary>SHA-256 of the reference catalog (../shared/kiwoom/catalog.json) the owned copy was taken from.</summary>
    private const string ReferenceCatalogSha256 = "c8af89fc1b92efe0d15091298927d44ae9a95bc4a57cd017727bb2daf0e29483";

    [Fact]
    public void EmbeddedCatalogIsTheReferenceVersion()
    {
        // Checked against the recorded hash, so the test still means something on a clone without the shared folder.
        var owned = Path.Combine(RepositoryRoot.Path, "src", "Dashboard.Kiwoom", "Catalog", "catalog.json");
        Assert.Equal(ReferenceCatalogSha256, Sha256(owned));

        // Beside the repository (a developer's machine) the reference itself is checked too: a new one means regenerating.
        var shared = Path.Combine(RepositoryRoot.Path, "..", "shared", "kiwoom", "catalog.json");
        if (File.Exists(shared))
        {
            Assert.Equal(ReferenceCatalogSha256, Sha256(shared));
        }
    }

    private static string Sha256(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
