using Bunit;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Shell;
using Microsoft.AspNetCore.Components;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Components;

public sealed class ShellComponentTests
{
    [Fact]
    public async Task LayoutHasAppBarDrawerNavigationAndBody()
    {
        await using var context = new DashboardTestContext("ko");
        var layout = context.Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"body\">content</p>"))));

        Assert.NotNull(layout.Find(".mud-appbar"));
        Assert.NotNull(layout.Find(".mud-drawer"));
        Assert.Contains("키움 팀 대시보드", layout.Markup);
        Assert.Contains("브로커 연결", layout.Markup);
        Assert.NotNull(layout.Find("#body"));
        Assert.NotNull(layout.Find(".price-convention-korean"));
    }

    [Fact]
    public async Task LayoutSpeaksEnglishForEnglishMembers()
    {
        await using var context = new DashboardTestContext("en");
        var layout = context.Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));
        Assert.Contains("Kiwoom Team Dashboard", layout.Markup);
        Assert.Contains("Broker connections", layout.Markup);
    }

    [Fact]
    public async Task ConnectionChipSlotRendersTheRegisteredComponent()
    {
        await using var context = WithChipProbe();
        var layout = RenderSignedIn(context);
        Assert.NotNull(layout.Find(".connection-chip-slot #chip-probe"));
    }

    [Fact]
    public async Task TheLayoutChecksTheSignInItselfInsteadOfThroughAuthorizeViewsAndPlacesTheChipWithoutADynamicComponent()
    {
        await using var context = WithChipProbe();
        var layout = RenderSignedIn(context);

        Assert.NotNull(layout.Find(".connection-chip-slot #chip-probe"));
        Assert.Single(layout.FindComponents<Dashboard.Web.Components.Vi.ViBanner>());
        Assert.Single(layout.FindComponents<Dashboard.Web.Components.Alerts.AlertWatcher>());
        Assert.Empty(layout.FindComponents<Microsoft.AspNetCore.Components.Authorization.AuthorizeView>());
        Assert.Empty(layout.FindComponents<DynamicComponent>());
        Assert.Empty(layout.FindAll("a[href='Account/Login']"));
    }

    [Fact]
    public async Task SigningOutInTheCircuitTakesTheMembersPartsOffTheLayout()
    {
        await using var context = WithChipProbe();
        var layout = RenderSignedIn(context);

        context.Auth.SetNotAuthorized();

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("a[href='Account/Login']")));
        Assert.Empty(layout.FindAll("#sign-out"));
        Assert.Empty(layout.FindAll(".connection-chip-slot"));
        Assert.Empty(layout.FindComponents<Dashboard.Web.Components.Vi.ViBanner>());
        Assert.Empty(layout.FindComponents<Dashboard.Web.Components.Alerts.AlertWatcher>());
    }

    [Fact]
    public async Task NoChipIsRenderedUntilOneIsRegistered()
    {
        await using var context = new DashboardTestContext("en");
        var layout = context.Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));
        Assert.Empty(layout.FindAll(".connection-chip-slot"));
    }

    [Theory]
    [InlineData(PriceDirection.Up, "price-up", "▲ 71,500")]
    [InlineData(PriceDirection.Down, "price-down", "▼ 71,500")]
    [InlineData(PriceDirection.Flat, "price-flat", "71,500")]
    public async Task PriceTextColoursByDirectionAndShowsWholeWon(PriceDirection direction, string cssClass, string text)
    {
        await using var context = new DashboardTestContext("ko");
        var price = context.Render<PriceText>(p => p.Add(x => x.Value, 71_500).Add(x => x.Direction, direction));
        var span = price.Find("span");
        Assert.Contains(cssClass, span.ClassList);
        Assert.Equal(text, span.TextContent);
    }

    [Fact]
    public async Task FreshnessTurnsStaleWhenDataStopsArriving()
    {
        await using var context = new DashboardTestContext("en");
        var freshness = context.Render<Freshness>(p => p.Add(x => x.ReceivedAt, context.Time.GetUtcNow()));
        Assert.NotNull(freshness.Find(".freshness-live"));

        context.Time.Advance(TimeSpan.FromSeconds(6));

        freshness.WaitForAssertion(() => Assert.NotNull(freshness.Find(".freshness-stale")));
        Assert.Contains("Stale", freshness.Markup);
    }

    [Fact]
    public async Task LiveFreshnessRendersNeitherForFresherDataNorEverySecondButAStaleOneCountsTheSeconds()
    {
        await using var context = new DashboardTestContext("en");
        var freshness = context.Render<Freshness>(p => p.Add(x => x.ReceivedAt, context.Time.GetUtcNow()));

        // A parent re-rendering with each tick's time, twice a second for five seconds: still live, nothing to render.
        for (var i = 0; i < 10; i++)
        {
            context.Time.Advance(TimeSpan.FromMilliseconds(500));
            freshness.Render(p => p.Add(x => x.ReceivedAt, context.Time.GetUtcNow()));
        }

        Assert.Equal(1, freshness.RenderCount);
        Assert.NotNull(freshness.Find(".freshness-live"));

        // Stale, each second's age is one render (bUnit counts the chip inside it too: the same number each second).
        var counts = new List<int>();
        for (var age = 6; age <= 9; age++)
        {
            context.Time.Advance(TimeSpan.FromSeconds(age == 6 ? 6 : 1));
            freshness.WaitForAssertion(() => Assert.Contains($"Stale · {age}s", freshness.Find(".freshness-stale").TextContent));
            counts.Add(freshness.RenderCount);
        }

        var steps = counts.Zip(counts.Skip(1), (before, after) => after - before).ToList();
        Assert.True(steps[0] > 0 && steps.All(step => step == steps[0]), "renders after each second: " + string.Join(", ", counts));
    }

    [Fact]
    public async Task NothingReceivedIsStale()
    {
        await using var context = new DashboardTestContext("en");
        var freshness = context.Render<Freshness>();
        Assert.NotNull(freshness.Find(".freshness-stale"));
    }

    private static DashboardTestContext WithChipProbe() =>
        new("en", services => services.Configure<ShellOptions>(o => o.ConnectionChip = typeof(ChipProbe)));

    private static IRenderedComponent<MainLayout> RenderSignedIn(DashboardTestContext context)
    {
        var layout = context.Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));
        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("#sign-out")));
        return layout;
    }

    private sealed class ChipProbe : ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, "<span id=\"chip-probe\">chip</span>");
    }
}
