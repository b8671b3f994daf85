using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Vi;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Vi;

/// <summary>The /vi page: today's list (ka10054) with live 1h events on top, the member's own stocks marked and filterable, countdowns that end.</summary>
public sealed class ViPageTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private readonly FakeViInterest interest = new("005930");
    private DashboardTestContext bunit = default!;
    private string todayList = ViWire.Ka10054();

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddViWatch(interest);
        });
        bunit.JSInterop.SetupModule("./_content/Dashboard.Web/Components/Vi/ViNotifications.js").Setup<string>("state").SetResult("off");
        session.FakeQueries.Answer("ka10054", _ => ViWire.Decode<Ka10054Response>(todayList, "ka10054"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task TodaysListIsShownNewestFirstWithTheMembersOwnStocksMarked()
    {
        var now = bunit.Time.GetUtcNow();
        todayList = ViWire.Ka10054(
            ("000660", "SK하이닉스", now.AddMinutes(-30), now.AddMinutes(-28), 200_000),
            ("005930", "삼성전자", now.AddSeconds(-30), now.AddSeconds(90), 77_000));

        var page = await RenderAsync();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".vi-row").Count));
        var rows = page.FindAll(".vi-row");
        Assert.Equal("005930", rows[0].GetAttribute("data-code"));
        Assert.Contains("vi-active", rows[0].ClassName);
        Assert.Contains("77,000", rows[0].TextContent);
        Assert.Contains("Single price, 1:30 left", rows[0].QuerySelector(".vi-status")!.TextContent);
        Assert.NotNull(rows[0].QuerySelector(".vi-mine"));
        Assert.Equal("000660", rows[1].GetAttribute("data-code"));
        Assert.Contains("vi-released", rows[1].ClassName);
        Assert.Null(rows[1].QuerySelector(".vi-mine"));
        Assert.Contains("Released", rows[1].QuerySelector(".vi-status")!.TextContent);
    }

    [Fact]
    public async Task ALiveTriggerGoesOnTopAndItsReleaseReplacesIt()
    {
        var page = await RenderAsync();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".vi-empty")));
        var triggeredAt = bunit.Time.GetUtcNow();

        session.FakeFeeds.Deliver(ViWire.Push("035720", "카카오", bunit.Time, up: false, isStatic: false, trigger: 41_000, reference: 43_650));

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".vi-row.vi-active")));
        var row = page.Find(".vi-row");
        Assert.Equal("035720", row.GetAttribute("data-code"));
        Assert.Contains("Dynamic", row.TextContent);
        Assert.Contains("price-down", row.QuerySelectorAll("td")[2].ClassName);
        Assert.Contains("43,650", row.TextContent);

        bunit.Time.Advance(TimeSpan.FromMinutes(2));
        session.FakeFeeds.Deliver(ViWire.Push("035720", "카카오", bunit.Time, released: true, isStatic: false, triggeredAt: triggeredAt));

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".vi-row.vi-released")));
        Assert.Single(page.FindAll(".vi-row"));
    }

    [Fact]
    public async Task MineOnlyHidesStocksTheMemberNeitherHoldsNorWatches()
    {
        var now = bunit.Time.GetUtcNow();
        todayList = ViWire.Ka10054(
            ("000660", "SK하이닉스", now.AddMinutes(-5), now.AddMinutes(-3), 200_000),
            ("005930", "삼성전자", now.AddMinutes(-4), now.AddMinutes(-2), 77_000));
        var page = await RenderAsync();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".vi-row").Count));

        page.Find(".vi-mine-only input").Change(true);

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".vi-row")));
        Assert.Equal("005930", page.Find(".vi-row").GetAttribute("data-code"));

        interest.Codes.Clear();
        bunit.Time.Advance(Dashboard.Web.Vi.ViWatch.InterestRefresh);
        session.FakeFeeds.Deliver(ViWire.Push("000660", "SK하이닉스", bunit.Time));
        page.WaitForAssertion(() => Assert.Contains("No VI on a held or watched stock today.", page.Find(".vi-empty").TextContent));
    }

    [Fact]
    public async Task AFailedListReadIsSaidInPlainWords()
    {
        session.FakeQueries.Fail("ka10054", new Dashboard.Kiwoom.KiwoomError(Dashboard.Kiwoom.KiwoomErrorKind.Server, 1700, null, "Too many requests"));

        var page = await RenderAsync();

        page.WaitForAssertion(() => Assert.Contains("Too many requests", page.Find(".vi-error").TextContent));
        Assert.Empty(page.FindAll(".vi-loading"));
    }

    private async Task<IRenderedComponent<ViPage>> RenderAsync()
    {
        var page = bunit.Render<ViPage>();
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.OfType<EventFeed<ViEvent>>().Any(), TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => session.FakeQueries.Sent.Any(r => r.Api.Id == "ka10054"), TimeSpan.FromSeconds(5));
        return page;
    }
}
