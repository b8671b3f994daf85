using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// Every tab strip can be reached on a phone: each MudTabs carries the app-wide "scrolling-tabs" header class, whose
/// narrow-screen rules make the strip scroll sideways by itself (MudTabs' own paging buttons went stale on pages whose
/// tables arrive after the strip is drawn). The phone journeys swipe the ETF and ELW strips in a real browser.
/// </summary>
public sealed partial class PhoneTabStripTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void EveryTabStripOfTheAppUsesTheScrollingHeader()
    {
        var components = Path.Combine(Root, "src", "Dashboard.Web", "Components");
        var strips = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => MudTabsTag().Matches(File.ReadAllText(file)).Select(tag => (File: Path.GetRelativePath(components, file), Tag: tag.Value)))
            .ToList();

        // ETF detail, ELW list and detail, flows: a strip fewer means a page lost its tabs or this scan lost its way.
        Assert.True(strips.Count >= 4, $"Found only {strips.Count} MudTabs under {components}.");
        Assert.All(strips, strip => Assert.True(
            strip.Tag.Contains("TabHeaderClass=\"scrolling-tabs\"", StringComparison.Ordinal),
            $"{strip.File}: its MudTabs has no TabHeaderClass=\"scrolling-tabs\", so on a phone its last tabs may be out of reach."));
    }

    [Fact]
    public void BelowTheMdBreakpointTheScrollingHeaderScrollsInsteadOfPaging()
    {
        var css = File.ReadAllText(Path.Combine(Root, "wwwroot", "app.css"));
        var start = css.IndexOf("@media (max-width: 959.98px)", StringComparison.Ordinal);
        Assert.True(start >= 0, "app.css has no narrow-screen block for the tab strips.");
        var narrow = css[start..];

        Assert.Matches(@"\.scrolling-tabs \.mud-tabs-tabbar-content\s*\{[^}]*overflow-x:\s*auto;", narrow);
        Assert.Matches(@"\.scrolling-tabs \.mud-tabs-scroll-button\s*\{[^}]*display:\s*none;", narrow);
        Assert.Matches(@"\.scrolling-tabs \.mud-tabs-tabbar-wrapper\s*\{[^}]*transform:\s*none !important;", narrow);
    }

    [GeneratedRegex(@"<MudTabs\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex MudTabsTag();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("Dashboard.sln not found above the test binaries.");
        }

        return dir.FullName;
    }
}
