using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using MudBlazor.Interfaces;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The drawer's menu writes MudNavLink's markup out instead of using the component (a fraction of the memory per circuit):
/// these hold it to MudNavLink's look, NavLink's active rule, the roles each link needs, and the drawer closing on a phone.
/// </summary>
public sealed class NavMenuTests : IAsyncDisposable
{
    private static readonly string[] EveryMemberLinks =
        ["", "portfolio", "watchlists", "alerts", "market", "rankings", "sectors", "etf", "elw", "flows", "conditions", "vi", "explorer", "settings/connections", "settings/preferences", "Account/Manage"];

    private readonly BunitContext context = new();
    private readonly BunitAuthorizationContext auth;

    public NavMenuTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        auth = context.AddAuthorization();
    }

    [Fact]
    public void EachLinkIsMudNavLinksMarkupActiveOrNot()
    {
        auth.SetAuthorized("member@team.test");
        var menu = context.Render<NavMenu>();
        var reference = context.Render<MudNavMenu>(p => p.AddChildContent<MudNavLink>(link => link
            .Add(l => l.Href, "portfolio").Add(l => l.Icon, Icons.Material.Filled.AccountBalanceWallet).AddChildContent("Portfolio")));

        menu.Find("a[href='portfolio']").ParentElement!.OuterHtml.MarkupMatches(reference.Find(".mud-nav-item").OuterHtml);

        context.Services.GetRequiredService<NavigationManager>().NavigateTo("portfolio");

        menu.WaitForAssertion(() => Assert.Contains("active", menu.Find("a[href='portfolio']").ClassList));
        reference.WaitForAssertion(() => Assert.Contains("active", reference.Find("a[href='portfolio']").ClassList));
        menu.Find("a[href='portfolio']").ParentElement!.OuterHtml.MarkupMatches(reference.Find(".mud-nav-item").OuterHtml);
    }

    [Theory]
    [InlineData("", NavLinkMatch.All, "")]
    [InlineData("", NavLinkMatch.All, "?tab=2")]
    [InlineData("", NavLinkMatch.All, "#top")]
    [InlineData("", NavLinkMatch.All, "portfolio")]
    [InlineData("orders", NavLinkMatch.Prefix, "orders")]
    [InlineData("orders", NavLinkMatch.Prefix, "orders/123")]
    [InlineData("orders", NavLinkMatch.Prefix, "ordersx")]
    [InlineData("orders", NavLinkMatch.Prefix, "ORDERS")]
    [InlineData("rankings", NavLinkMatch.Prefix, "rankings?tab=volume")]
    [InlineData("market", NavLinkMatch.Prefix, "market/005930")]
    [InlineData("market", NavLinkMatch.Prefix, "marketing")]
    [InlineData("settings/connections", NavLinkMatch.Prefix, "settings/connections/")]
    [InlineData("settings/connections", NavLinkMatch.Prefix, "settings")]
    [InlineData("Account/Manage", NavLinkMatch.Prefix, "account/manage/email")]
    [InlineData("watchlists", NavLinkMatch.Prefix, "watchlists/b3e87328-7b1f-4a9b-bb0d-d8e55b4d3b5b")]
    public void ActiveLinkFollowsNavLinksRule(string href, NavLinkMatch match, string at)
    {
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(at);
        var framework = context.Render<NavLink>(p => p.AddUnmatched("href", href).Add(l => l.Match, match));

        var expected = framework.Find("a").ClassList.Contains("active");

        Assert.Equal(expected, NavMatch.IsActive(navigation, navigation.Uri, href, match));
    }

    [Fact]
    public void TheActiveLinkMovesWithTheAddress()
    {
        auth.SetAuthorized("member@team.test");
        var menu = context.Render<NavMenu>();
        Assert.Equal([""], ActiveLinks(menu));

        context.Services.GetRequiredService<NavigationManager>().NavigateTo("market/005930");

        menu.WaitForAssertion(() => Assert.Equal(["market"], ActiveLinks(menu)));
    }

    [Fact]
    public void SignedOutSeesNoLinks()
    {
        auth.SetNotAuthorized();
        var menu = context.Render<NavMenu>();
        Assert.Empty(Links(menu));
    }

    [Fact]
    public void AViewerSeesEveryMembersLinksOnly()
    {
        auth.SetAuthorized("viewer@team.test");
        Assert.Equal(EveryMemberLinks, Links(context.Render<NavMenu>()));
    }

    [Fact]
    public void ATraderAlsoSeesTradeAndOrders()
    {
        auth.SetAuthorized("trader@team.test");
        auth.SetPolicies(DashboardPolicies.Trade);
        var links = Links(context.Render<NavMenu>());
        Assert.Equal([.. EveryMemberLinks[..3], "trade", "orders", .. EveryMemberLinks[3..]], links);
    }

    [Fact]
    public void AnAdminSeesMembersLimitsAndAuditAnAuditorOnlyAudit()
    {
        auth.SetAuthorized("admin@team.test");
        auth.SetRoles(DashboardRoles.Admin);
        Assert.Equal([.. EveryMemberLinks, "admin/members", "admin/limits", "admin/audit"], Links(context.Render<NavMenu>()));

        auth.SetRoles(DashboardRoles.Auditor);
        Assert.Equal([.. EveryMemberLinks, "admin/audit"], Links(context.Render<NavMenu>()));
    }

    [Fact]
    public void FollowingALinkTellsTheDrawerAndTheGroupHeaderDoesNot()
    {
        auth.SetAuthorized("member@team.test");
        var drawer = new DrawerProbe();
        var menu = context.Render<CascadingValue<INavigationEventReceiver>>(p => p.Add(c => c.Value, drawer).AddChildContent<NavMenu>());

        menu.Find("a[href='portfolio']").Click();
        Assert.Equal(1, drawer.Navigations);

        menu.Find(".nav-markets button").Click();
        Assert.Equal(1, drawer.Navigations);
    }

    [Fact]
    public void AFoldedGroupTakesItsLinksOutOfTheTabOrder()
    {
        auth.SetAuthorized("member@team.test");
        var menu = context.Render<NavMenu>();
        Assert.Equal("0", menu.Find("a[href='market']").GetAttribute("tabindex"));

        menu.Find(".nav-markets button").Click();

        menu.WaitForAssertion(() => Assert.Equal("-1", menu.Find("a[href='market']").GetAttribute("tabindex")));
        Assert.Equal("0", menu.Find("a[href='portfolio']").GetAttribute("tabindex"));
    }

    [Fact]
    public void TheBottomBarKeepsItsLinksAndMudIconsLookWithoutTheComponents()
    {
        auth.SetAuthorized("trader@team.test");
        auth.SetPolicies(DashboardPolicies.Trade);
        var bar = context.Render<Dashboard.Web.Components.Home.BottomNav>();
        var icon = context.Render<MudIcon>(p => p.Add(i => i.Icon, Icons.Material.Filled.Home));

        Assert.Equal(["", "portfolio", "watchlists", "orders"], bar.FindAll("a.bottom-nav-item").Select(a => a.GetAttribute("href")));
        Assert.Equal(["bottom-nav-item", "active"], bar.Find("a[href='']").ClassList);
        bar.Find("a[href=''] svg").OuterHtml.MarkupMatches(icon.Markup);

        context.Services.GetRequiredService<NavigationManager>().NavigateTo("orders/today");
        bar.WaitForAssertion(() => Assert.Equal(["orders"], bar.FindAll("a.active").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public void TheBottomBarShowsOrdersToTradersOnly()
    {
        auth.SetAuthorized("viewer@team.test");
        var bar = context.Render<Dashboard.Web.Components.Home.BottomNav>();
        Assert.Equal(["", "portfolio", "watchlists"], bar.FindAll("a.bottom-nav-item").Select(a => a.GetAttribute("href")));
        Assert.Single(bar.FindAll("button.bottom-nav-menu"));
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static List<string> Links<T>(IRenderedComponent<T> menu)
        where T : IComponent => [.. menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")!)];

    private static List<string> ActiveLinks<T>(IRenderedComponent<T> menu)
        where T : IComponent => [.. menu.FindAll("a.mud-nav-link.active").Select(a => a.GetAttribute("href")!)];

    private sealed class DrawerProbe : INavigationEventReceiver
    {
        public int Navigations { get; private set; }

        public Task OnNavigation()
        {
            Navigations++;
            return Task.CompletedTask;
        }
    }
}
