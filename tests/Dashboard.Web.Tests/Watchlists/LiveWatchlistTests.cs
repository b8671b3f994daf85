using System.Security.Claims;
using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Watchlists;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Watchlists;
using Microsoft.EntityFrameworkCore;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>The live list against fakes of the broker boundary and the real watchlist service on the test database.</summary>
public sealed class LiveWatchlistTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeBrokerSession session = new();
    private readonly RoleAuthenticationStateProvider signedIn = new();
    private DashboardTestContext bunit = default!;
    private WatchlistService service = default!;

    /// <summary>Another member of the team, a Trader, editing from their own circuit.</summary>
    private static ClaimsPrincipal Teammate => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "trader-2"), new Claim(ClaimTypes.Role, DashboardRoles.Trader)], "test"));

    public async Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
            services.AddWatchlists();
            services.AddSingleton<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(signedIn);
        });
        await using var db = await bunit.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        db.Users.Add(new ApplicationUser { Id = "trader-2", UserName = "trader2@team.test", Email = "trader2@team.test" });
        await db.SaveChangesAsync();
        service = bunit.Services.GetRequiredService<WatchlistService>();
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task APublishedQuoteUpdatesItsRow()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", "memory cycle");
        session.FakeMarket.Quotes["005930"] = QuoteOf("005930", 70_000);

        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Contains("70,000", Row(list, "005930")), Deadline);
        Assert.Contains("memory cycle", Row(list, "005930"));
        Assert.Contains("member@team.test", Row(list, "005930"));

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Publish(QuoteOf("005930", 70_500));

        // The feed is read on another thread and renders through the throttle on the fake clock: move it on while waiting.
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return Row(list, "005930").Contains("70,500", StringComparison.Ordinal);
            },
            Deadline);
    }

    [Fact]
    public async Task ATickRendersOnlyTheRowOfItsStockAndNotTheListsStaticParts()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", null);
        await service.AddAsync(bunit.Member, id, "000660", null);
        session.FakeMarket.Quotes["005930"] = QuoteOf("005930", 70_000);
        session.FakeMarket.Quotes["000660"] = QuoteOf("000660", 180_000);
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Contains("180,000", Row(list, "000660")), Deadline);
        var rows = list.FindComponents<WatchlistQuoteRow>().ToDictionary(r => r.Instance.Entry.Code);
        var before = rows.ToDictionary(kv => kv.Key, kv => kv.Value.RenderCount);
        var addBar = list.FindComponent<WatchlistAddBar>();
        var (addBarBefore, pageBefore) = (addBar.RenderCount, list.RenderCount);

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Publish(QuoteOf("005930", 70_500));
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return Row(list, "005930").Contains("70,500", StringComparison.Ordinal);
            },
            Deadline);

        Assert.True(list.RenderCount > pageBefore, "the tick did not go through the page's render");
        Assert.True(rows["005930"].RenderCount > before["005930"]);
        Assert.Equal(before["000660"], rows["000660"].RenderCount);
        Assert.Equal(addBarBefore, addBar.RenderCount);
        Assert.Contains("180,000", Row(list, "000660"));
    }

    [Fact]
    public async Task AFeedThatEndsForAReasonShowsItOnTheList()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", null);
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.watchlist-row")), Deadline);

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Fail(new FeedInterruptedException("005930: the team's quotes could not move"));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return list.FindAll(".watchlist-price-problem").Any(p => p.TextContent.Contains("could not move", StringComparison.Ordinal));
            },
            Deadline);
    }

    [Fact]
    public async Task EditingANoteFromARowRendersTheEditorAndSavingItShowsTheNote()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", null);
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.watchlist-row")), Deadline);

        list.Find(".watchlist-edit-toggle").Click();
        list.Find("tr.watchlist-row[data-code='005930'] .watchlist-edit-note").Click();
        list.Find(".watchlist-note-input input").Input("foundry order");
        list.Find(".watchlist-note-save").Click();

        list.WaitForAssertion(() => Assert.Empty(list.FindAll(".watchlist-note-editor")), Deadline);
        Assert.Contains("foundry order", Row(list, "005930"));
        Assert.Equal("foundry order", (await service.GetAsync(bunit.Member, id))!.Items.Single().Note);
    }

    [Fact]
    public async Task PastedLinesCanBeImportedBeforeTheFieldLosesFocus()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.NotNull(list.Find(".watchlist-import-text textarea")), Deadline);
        Assert.True(list.Find(".watchlist-import").HasAttribute("disabled"));

        // Only the input event, as a paste fires: no change or blur before the click.
        list.Find(".watchlist-import-text textarea").Input("005930,memory cycle");
        Assert.False(list.Find(".watchlist-import").HasAttribute("disabled"));
        list.Find(".watchlist-import").Click();

        list.WaitForAssertion(() => Assert.Contains("memory cycle", Row(list, "005930")), Deadline);
    }

    [Fact]
    public async Task ATeammatesAddAppearsWithoutAReloadAndItsPriceIsFollowed()
    {
        var id = (await service.CreateAsync(Teammate, "Team semis", team: true)).Id!.Value;
        await service.AddAsync(Teammate, id, "005930", null);
        session.FakeMarket.Quotes["000660"] = QuoteOf("000660", 180_000);
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.watchlist-row")), Deadline);

        await service.AddAsync(Teammate, id, "000660", "HBM share");

        list.WaitForAssertion(() => Assert.Contains("180,000", Row(list, "000660")), Deadline);
        Assert.Contains("trader2@team.test", Row(list, "000660"));
        Assert.Contains("HBM share", Row(list, "000660"));
        var following = session.FakeFeeds.Opened.OfType<LiveFeed<Quote>>().Last();
        Assert.Equal(["000660", "005930"], session.FakeFeeds.ItemsOf(following).Order());
    }

    [Fact]
    public async Task AViewerOfATeamListSeesNoEditControls()
    {
        signedIn.Role = DashboardRoles.Viewer;
        var id = (await service.CreateAsync(Teammate, "Team semis", team: true)).Id!.Value;
        await service.AddAsync(Teammate, id, "005930", null);

        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.watchlist-row")), Deadline);

        Assert.Empty(list.FindAll(".watchlist-edit-toggle"));
        Assert.Empty(list.FindAll("#watchlist-add-search"));
        Assert.Empty(list.FindAll(".watchlist-import, .watchlist-import-file, .watchlist-row-actions"));
        Assert.NotEmpty(list.FindAll(".watchlist-export"));
    }

    [Fact]
    public async Task TheOwnerMovesARowUpAndTheOrderIsSaved()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", null);
        await service.AddAsync(bunit.Member, id, "000660", null);
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tr.watchlist-row").Count), Deadline);

        list.Find(".watchlist-edit-toggle").Click();
        list.Find("tr.watchlist-row[data-code='000660'] .watchlist-move-up").Click();

        list.WaitForAssertion(() => Assert.Equal(["000660", "005930"], list.FindAll("tr.watchlist-row").Select(r => r.GetAttribute("data-code"))), Deadline);
        Assert.Equal(["000660", "005930"], (await service.GetAsync(bunit.Member, id))!.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task TappingARowOpensTheStockPage()
    {
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", null);
        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.watchlist-row")), Deadline);

        list.Find("tr.watchlist-row").Click();

        Assert.EndsWith("/market/005930", bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherMembersPersonalListIsNotShown()
    {
        var id = (await service.CreateAsync(Teammate, "Private", team: false)).Id!.Value;
        await service.AddAsync(Teammate, id, "005930", "secret idea");

        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll(".watchlist-missing")), Deadline);
        Assert.DoesNotContain("secret idea", list.Markup);
        Assert.Empty(session.FakeFeeds.Opened);
    }

    [Fact]
    public async Task ALiveRowWithEveryColumnAndANoteKeepsToThirtyTwoRenderTreeFrames()
    {
        // A component's two frame buffers start at 32 frames and double: 40 rows at 64 frames were 200 KB of every circuit.
        var id = (await service.CreateAsync(bunit.Member, "Mine", team: false)).Id!.Value;
        await service.AddAsync(bunit.Member, id, "005930", "memory cycle");
        await bunit.Services.GetRequiredService<WatchlistViewService>().SaveColumnsAsync(bunit.Member, id, Enum.GetNames<WatchlistColumn>());
        session.FakeMarket.Quotes["005930"] = QuoteOf("005930", 70_000);

        var list = bunit.Render<LiveWatchlist>(p => p.Add(x => x.ListId, id));
        list.WaitForAssertion(() => Assert.Contains("1,000", Row(list, "005930")), Deadline);

        var row = list.FindComponent<WatchlistQuoteRow>();
        Assert.Equal(4, row.Instance.Columns.Count);
        Assert.Contains("memory cycle", Row(list, "005930"));
        Assert.InRange(RenderTreeFrames.Of(bunit, row.ComponentId), 1, 32);
        var price = list.Find("tr.watchlist-row td.watchlist-price");
        Assert.Equal(["text-right", "watchlist-price", "price", "price-up"], price.ClassList);
        Assert.Equal("70,000", price.TextContent);
        Assert.Equal(["text-right", "watchlist-volume"], list.Find("tr.watchlist-row td.watchlist-volume").ClassList);
        Assert.Null(list.Find("tr.watchlist-row").GetAttribute("draggable"));
    }

    private static string Row(IRenderedComponent<LiveWatchlist> list, string code) =>
        list.Find($"tr.watchlist-row[data-code='{code}']").TextContent;

    private static Quote QuoteOf(string code, long price) =>
        new(code, "Stock " + code, price, PriceDirection.Up, 500, 0.71m, 1_000, 1, null, new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero), FromSnapshot: false);
}
