using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Vi;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Vi;

/// <summary>The layout's VI banner: the member's held and watched stocks only, with the single-price countdown, and the release.</summary>
public sealed class ViBannerTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private readonly FakeViInterest interest = new("005930");
    private DashboardTestContext bunit = default!;
    private TimerCensus timers = default!;
    private string todayList = ViWire.Ka10054();

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddViWatch(interest);
            timers = TimerCensus.Install(services);
        });
        session.FakeQueries.Answer("ka10054", _ => ViWire.Decode<Ka10054Response>(todayList, "ka10054"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task AViOnAHeldStockShowsWithItsCountdownAndOneOnAnotherStockDoesNot()
    {
        var banner = await RenderAsync();

        session.FakeFeeds.Deliver(ViWire.Push("000660", "SK하이닉스", bunit.Time));
        session.FakeFeeds.Deliver(ViWire.Push("005930", "삼성전자", bunit.Time, up: false, trigger: 63_000));

        // Events are handled in order: once the held stock's notice is there, the other stock's was decided too.
        banner.WaitForAssertion(() => Assert.NotEmpty(banner.FindAll(".vi-notice[data-code='005930']")));
        var notice = Assert.Single(banner.FindAll(".vi-notice"));
        Assert.Equal("005930", notice.GetAttribute("data-code"));
        Assert.Contains("VI triggered", notice.TextContent);
        Assert.Contains("Static down", notice.TextContent);
        Assert.Contains("63,000", notice.TextContent);
        Assert.Contains("2:00 left", notice.TextContent);
        Assert.Equal("market/005930", banner.Find(".vi-notice a").GetAttribute("href"));

        bunit.Time.Advance(TimeSpan.FromSeconds(45));
        banner.WaitForAssertion(() => Assert.Contains("1:15 left", banner.Find(".vi-notice").TextContent));
    }

    [Fact]
    public async Task TheReleaseReplacesTheTriggerAndLeavesAfterAWhile()
    {
        var banner = await RenderAsync();
        var triggeredAt = bunit.Time.GetUtcNow();
        session.FakeFeeds.Deliver(ViWire.Push("005930", "삼성전자", bunit.Time));
        banner.WaitForAssertion(() => Assert.Contains("VI triggered", banner.Find(".vi-notice").TextContent));

        bunit.Time.Advance(TimeSpan.FromMinutes(2));
        session.FakeFeeds.Deliver(ViWire.Push("005930", "삼성전자", bunit.Time, released: true, triggeredAt: triggeredAt));

        banner.WaitForAssertion(() => Assert.Contains("VI released", banner.Find(".vi-notice").TextContent));
        Assert.Single(banner.FindAll(".vi-notice"));

        bunit.Time.Advance(TimeSpan.FromSeconds(31));
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll(".vi-notice")));
    }

    [Fact]
    public async Task AStockBoughtAMomentAgoCountsOnceTheHoldingsAreReadAgain()
    {
        var banner = await RenderAsync();
        var readsAtStart = interest.Reads;
        interest.Codes.Add("035720");
        bunit.Time.Advance(Dashboard.Web.Vi.ViWatch.InterestRefresh);

        session.FakeFeeds.Deliver(ViWire.Push("035720", "카카오", bunit.Time));

        banner.WaitForAssertion(() => Assert.Equal("035720", banner.Find(".vi-notice").GetAttribute("data-code")));
        Assert.Equal(readsAtStart + 1, interest.Reads);
    }

    [Fact]
    public async Task AViAlreadyRunningWhenThePageOpensIsShownFromTodaysList()
    {
        var now = bunit.Time.GetUtcNow();
        todayList = ViWire.Ka10054(
            ("005930", "삼성전자", now.AddSeconds(-30), now.AddSeconds(90), 77_000),
            ("000660", "SK하이닉스", now.AddSeconds(-20), now.AddSeconds(100), 200_000),
            ("005930", "삼성전자", now.AddHours(-1), now.AddHours(-1).AddMinutes(2), 76_000));

        var banner = await RenderAsync();

        banner.WaitForAssertion(() => Assert.Single(banner.FindAll(".vi-notice")));
        Assert.Contains("77,000", banner.Find(".vi-notice").TextContent);
        Assert.Contains("1:30 left", banner.Find(".vi-notice").TextContent);
    }

    [Fact]
    public async Task NoTimerRunsWhileNoNoticeIsShown()
    {
        // It sits in every circuit's layout: a timer each second with nothing on screen was a dispatch per circuit per second.
        var banner = await RenderAsync();
        bunit.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(0, timers.Armed);

        session.FakeFeeds.Deliver(ViWire.Push("005930", "삼성전자", bunit.Time));
        banner.WaitForAssertion(() => Assert.Contains("2:00 left", banner.Find(".vi-notice").TextContent));
        banner.WaitForAssertion(() => Assert.Equal(1, timers.Armed));
        bunit.Time.Advance(TimeSpan.FromSeconds(1));
        banner.WaitForAssertion(() => Assert.Contains("1:59 left", banner.Find(".vi-notice").TextContent));

        // Two minutes of single price, then the trigger stays 30 seconds past its release.
        bunit.Time.Advance(TimeSpan.FromMinutes(2) + ViBanner.ReleaseShownFor);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll(".vi-notice")));
        banner.WaitForAssertion(() => Assert.Equal(0, timers.Armed));
    }

    private async Task<IRenderedComponent<ViBanner>> RenderAsync()
    {
        var banner = bunit.Render<ViBanner>();
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.OfType<EventFeed<ViEvent>>().Any(), TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => session.FakeQueries.Sent.Any(r => r.Api.Id == "ka10054"), TimeSpan.FromSeconds(5));
        return banner;
    }
}
