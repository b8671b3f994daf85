using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Rankings;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Microsoft.AspNetCore.Components;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Rankings;

/// <summary>The rankings screen against fakes of the broker boundary: rows, colours, paging, live prices, the stock link.</summary>
public sealed class RankingsPageTests : IAsyncLifetime
{
    private const string FirstPage = """
        {"tdy_trde_qty_upper":[
          {"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+70000","pred_pre_sig":"2","pred_pre":"+500","flu_rt":"+0.72","trde_qty":"1000","opmr_trde_qty":"19033"},
          {"stk_cd":"000660","stk_nm":"SK하이닉스","cur_prc":"-120000","pred_pre_sig":"5","pred_pre":"-1500","flu_rt":"-1.23","trde_qty":"900"}],
         "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
        """;

    private const string SecondPage = """
        {"tdy_trde_qty_upper":[
          {"stk_cd":"035420","stk_nm":"NAVER","cur_prc":"180000","pred_pre_sig":"3","pred_pre":"0","flu_rt":"0.00","trde_qty":"800"}],
         "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
        """;

    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
            services.AddOptions<PollingOptions>();
            services.AddOptions<KiwoomClientOptions>();
            services.AddSingleton<PollScheduler>();
        });
        session.FakeQueries.AnswerRaw("ka10030", (_, continuation) => Raw(
            continuation is null ? FirstPage : SecondPage,
            continuation is null ? new KiwoomContinuation("page-2") : null));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void TheDaysVolumeLeadersOpenWithRedUpBlueDownAndStockLinks()
    {
        var page = bunit.Render<RankingsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));
        var up = page.Find("tr.screen-row[data-code='005930']");
        var down = page.Find("tr.screen-row[data-code='000660']");
        Assert.Contains("price-up", up.QuerySelectorAll("td").Select(td => td.ClassName ?? string.Empty).Where(c => c.Contains("price", StringComparison.Ordinal)).First());
        Assert.Contains(down.QuerySelectorAll("td"), td => (td.ClassName ?? string.Empty).Contains("price-down", StringComparison.Ordinal));
        Assert.Equal("market/005930", up.QuerySelector("a.screen-code")!.GetAttribute("href"));
        var (apiId, body, _) = Assert.Single(session.FakeQueries.SentRaw);
        Assert.Equal("ka10030", apiId);
        Assert.Contains("\"mrkt_tp\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void InEnglishTheColumnsAreNamedInEnglish()
    {
        // A member who reads English got the catalog's Korean headers ("현재가") above English controls.
        var page = bunit.Render<RankingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));

        var headers = page.FindAll("thead th[title]").ToDictionary(th => th.GetAttribute("title")!, th => th.TextContent.Trim());
        Assert.Equal(("Stock code", "Current price", "Change rate"), (headers["stk_cd"], headers["cur_prc"], headers["flu_rt"]));
    }

    [Fact]
    public void AVolumeTheCatalogLeavesAsBareTextReadsWithSeparatorsLikeTheTypedOnes()
    {
        var page = bunit.Render<RankingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));

        var column = page.FindAll("thead th").Select(th => th.GetAttribute("title")).ToList().IndexOf("opmr_trde_qty");
        var cell = page.FindAll("tr.screen-row[data-code='005930'] td")[column];
        Assert.Equal("19,033", cell.TextContent.Trim());
        Assert.Contains("text-right", cell.ClassName ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowClickOpensTheStockPage()
    {
        var page = bunit.Render<RankingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));

        page.Find("tr.screen-row[data-code='000660']").Click();

        Assert.EndsWith("/market/000660", bunit.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreAppendsTheNextPageWithTheContinuationKey()
    {
        var page = bunit.Render<RankingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));

        page.Find(".rankings-more").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.screen-row").Count));
        Assert.Equal(new KiwoomContinuation("page-2"), session.FakeQueries.SentRaw[^1].Continuation);
        Assert.Empty(page.FindAll(".rankings-more"));
    }

    [Fact]
    public async Task TheVisibleRowsArePricedLiveByTrades()
    {
        var page = bunit.Render<RankingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));
        var feed = session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade);
        Assert.Equal(["005930", "000660"], session.FakeFeeds.ItemsOf(feed));

        feed.Publish(new Quote("005930", "삼성전자", 71_000, PriceDirection.Up, 1_500, 2.16m, 2_000, 1, null, bunit.Time.GetUtcNow(), FromSnapshot: false));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll("tr.screen-row[data-code='005930'] td[data-live='price']") is [var cell] && cell.TextContent.Contains("71,000", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10));
        Assert.Equal("+2.16%", page.Find("tr.screen-row[data-code='005930'] td[data-live='rate']").TextContent);

        // A live price carries its direction mark like the answer's own price cells ("72,200 ▲"), so live and not-yet-live rows read alike.
        Assert.Equal("71,000 ▲", page.Find("tr.screen-row[data-code='005930'] td[data-live='price']").TextContent);
    }

    [Fact]
    public void ABrokerErrorIsShownInsteadOfRows()
    {
        session.FakeQueries.AnswerRaw("ka10030", (_, _) => Raw("""{"return_code":5,"return_msg":"조회 실패 [1999:테스트]"}""", null, new KiwoomError(KiwoomErrorKind.Server, 5, "1999", "조회 실패")));

        var page = bunit.Render<RankingsPage>();

        page.WaitForAssertion(() => Assert.Contains("조회 실패", page.Find(".rankings-error").TextContent));
        Assert.Empty(page.FindAll("tr.screen-row"));
    }

    [Fact]
    public void PickingAnotherThemeLoadsItsFirstRanking()
    {
        session.FakeQueries.AnswerRaw("ka10032", (_, _) => Raw("""{"trde_prica_upper":[{"stk_cd":"005380","stk_nm":"현대차","cur_prc":"+250000","flu_rt":"+1.00"}],"return_code":0,"return_msg":"ok"}""", null));
        var page = bunit.Render<RankingsPage>(p => p.Add(r => r.ApiId, "ka10032"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.screen-row[data-code='005380']")));
        Assert.Equal("ka10032", session.FakeQueries.SentRaw[^1].ApiId);
    }

    [Fact]
    public async Task TheScreenRegistersWithTheMembersPollingPlanAndLeavesItWhenClosed()
    {
        var scheduler = bunit.Services.GetRequiredService<PollScheduler>();
        var page = bunit.Render<RankingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.screen-row").Count));
        Assert.NotNull(scheduler.LoopOf(session.KeyId));
        Assert.Equal("waiting", page.Find(".refresh-status").GetAttribute("data-state"));

        await page.Instance.DisposeAsync();

        await Eventually.TrueAsync(() => scheduler.LoopOf(session.KeyId) is null, TimeSpan.FromSeconds(5));
    }

    private static KiwoomRawResponse Raw(string json, KiwoomContinuation? next, KiwoomError? error = null) =>
        new(200, "ka10030", next, null, System.Text.Encoding.UTF8.GetBytes(json), error);
}
