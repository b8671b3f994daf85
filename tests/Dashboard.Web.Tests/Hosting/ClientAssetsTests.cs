using System.Security.Cryptography;
using System.Text.Json;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>
/// The browser libraries served from wwwroot are exactly the pinned npm release that
/// scripts/update-client-assets.sh copied in (no hand edits, no CDN, no drift from package.json).
/// </summary>
public sealed class ClientAssetsTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Dashboard.Web");

    [Fact]
    public void TheServedChartLibraryMatchesTheChecksumWrittenWhenItWasCopiedIn()
    {
        var folder = Path.Combine(Web, "wwwroot", "lib", "lightweight-charts");
        var line = File.ReadAllLines(Path.Combine(folder, "SHA256SUMS")).Single();
        var (expected, file) = (line[..64], line[64..].Trim().TrimStart('*'));

        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TheServedChartLibraryIsTheVersionPinnedInPackageJson()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Web, "ClientAssets", "package.json")));
        var pinned = package.RootElement.GetProperty("dependencies").GetProperty("lightweight-charts").GetString();
        var served = File.ReadAllText(Path.Combine(Web, "wwwroot", "lib", "lightweight-charts", "VERSION")).Trim();

        Assert.Matches(@"^\d+\.\d+\.\d+$", pinned);
        Assert.Equal($"lightweight-charts {pinned}", served);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dashboard.sln not found above the test binaries.");
    }
}
