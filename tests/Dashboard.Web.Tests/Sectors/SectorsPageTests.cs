using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Sectors;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Sectors;

/// <summary>The sectors and themes screen against fakes: the sector list live by 0J, a picked sector's stocks, a theme's stocks.</summary>
public sealed class SectorsPageTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("ko", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
            services.AddOptions<PollingOptions>();
            services.AddOptions<KiwoomClientOptions>();
            services.AddSingleton<PollScheduler>();
        });
        var q = session.FakeQueries;
        q.AnswerRaw("ka20003", (_, _) => Raw("""{"all_inds_idex":[{"stk_cd":"001","stk_nm":"종합(KOSPI)","cur_prc":"+2500.10","flu_rt":"+0.50"},{"stk_cd":"013","stk_nm":"전기전자","cur_prc":"-3000.00","pre_sig":"5","pred_pre":"-12.00","flu_rt":"-0.40"}],"return_code":0,"return_msg":"ok"}"""));
        q.AnswerRaw("ka10051", (_, _) => Raw("""{"inds_netprps":[{"inds_cd":"001","inds_nm":"종합","cur_prc":"+2500.10"}],"return_code":0,"return_msg":"ok"}"""));
        q.AnswerRaw("ka20001", (_, _) => Raw("""{"cur_prc":"-3000.00","rising":"10","fall":"20","inds_cur_prc_tm":[],"return_code":0,"return_msg":"ok"}"""));
        q.AnswerRaw("ka20002", (body, _) => Raw(body.Contains("\"013\"", StringComparison.Ordinal)
            ? """{"inds_stkpc":[{"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+70000","flu_rt":"+0.72"}],"return_code":0,"return_msg":"ok"}"""
            : """{"inds_stkpc":[],"return_code":0,"return_msg":"ok"}"""));
        q.AnswerRaw("ka20009", (_, _) => Raw("""{"inds_cur_prc_daly_rept":[{"dt_n":"20261201","cur_prc_n":"-3000.00"}],"return_code":0,"return_msg":"ok"}"""));
        q.AnswerRaw("ka90001", (_, _) => Raw("""{"thema_grp":[{"thema_grp_cd":"100","thema_nm":"반도체","stk_num":"2","flu_rt":"+1.00"}],"return_code":0,"return_msg":"ok"}"""));
        q.AnswerRaw("ka90002", (body, _) => Raw(body.Contains("\"100\"", StringComparison.Ordinal)
            ? """{"thema_comp_stk":[{"stk_cd":"000660","stk_nm":"SK하이닉스","cur_prc":"-120000","flu_rt":"-1.23"}],"return_code":0,"return_msg":"ok"}"""
            : """{"thema_comp_stk":[],"return_code":0,"return_msg":"ok"}"""));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task SectorIndicesMoveLiveAndAPickedSectorShowsItsStocksPricedLive()
    {
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".sectors-list tr.screen-row").Count));
        var indices = session.FakeFeeds.Live<IndexQuote>(RealtimeTypes.SectorIndex);
        Assert.Equal(["001", "013"], session.FakeFeeds.ItemsOf(indices));
        Assert.Empty(page.FindAll(".sectors-list a.screen-code"));

        indices.Publish(new IndexQuote("013", 3_012.5m, Dashboard.Kiwoom.Wire.PriceDirection.Up, 12.5m, 0.42m, bunit.Time.GetUtcNow(), FromSnapshot: false));
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll(".sectors-list tr[data-code='013'] td[data-live='price']") is [var cell] && cell.TextContent == "3,012.50 ▲";
            },
            TimeSpan.FromSeconds(10));

        page.Find(".sectors-list tr[data-code='013']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".sector-members tr.screen-row[data-code='005930']")));
        Assert.Single(page.FindAll(".sector-daily tr.screen-row"));
        Assert.Contains(session.FakeFeeds.Opened.Where(f => f.Type == RealtimeTypes.Trade), f => session.FakeFeeds.ItemsOf(f).SequenceEqual(["005930"]));
    }

    [Fact]
    public async Task ARowsSignAndColourFollowTheLiveChangeNotTheSnapshot()
    {
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".sectors-list tr.screen-row").Count));
        const string Row = ".sectors-list tr[data-code='013']";
        Assert.Contains(page.FindAll(Row + " td.price-down"), td => td.TextContent.Trim() == "▼");
        Assert.Contains(page.FindAll(Row + " td.price-down"), td => td.TextContent.Trim() == "3,000.00 ▼");
        var indices = session.FakeFeeds.Live<IndexQuote>(RealtimeTypes.SectorIndex);

        // The snapshot said down; the index has since risen (0J's value came without a sign, its change says up).
        indices.Publish(new IndexQuote("013", 3_012.5m, Dashboard.Kiwoom.Wire.PriceDirection.Flat, 12.5m, 0.42m, bunit.Time.GetUtcNow(), FromSnapshot: false));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll(Row + " td[data-live='sign']") is [var sign] && sign.TextContent == "▲";
            },
            TimeSpan.FromSeconds(10));
        foreach (var live in new[] { "sign", "price", "change", "rate" })
        {
            Assert.Contains("price-up", page.Find($"{Row} td[data-live='{live}']").ClassName, StringComparison.Ordinal);
        }

        Assert.Empty(page.FindAll(Row + " td.price-down"));
    }

    [Fact]
    public void KospiTwoHundredIsRedOrBlueBeforeAnyLiveValueLikeEverySector()
    {
        // Index levels come signed by their direction ("-345.62" is 345.62, down), not as negative numbers.
        session.FakeQueries.AnswerRaw("ka20003", (_, _) => Raw("""{"all_inds_idex":[{"stk_cd":"201","stk_nm":"KOSPI200","cur_prc":"-345.62","pre_sig":"5","pred_pre":"-1.64","flu_rt":"-0.47"}],"return_code":0,"return_msg":"ok"}"""));
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".sectors-list tr[data-code='201']")));

        var cells = page.FindAll(".sectors-list tr[data-code='201'] td").Skip(3).Take(4).ToList();
        Assert.Equal(["345.62 ▼", "▼", "-1.64", "-0.47%"], cells.Select(td => td.TextContent.Trim()));
        Assert.All(cells, td => Assert.Contains("price-down", td.ClassName, StringComparison.Ordinal));
    }

    [Fact]
    public void ASectorsWeightIsAShareOfTheMarketNotAMoveSoItIsNeitherRedNorBlue()
    {
        // The guide calls ka20003's weight a "signed percentage"; the sector's move is its change and rate, not its weight.
        session.FakeQueries.AnswerRaw("ka20003", (_, _) => Raw("""{"all_inds_idex":[{"stk_cd":"013","stk_nm":"전기전자","cur_prc":"-3000.00","pre_sig":"5","pred_pre":"-12.00","flu_rt":"-0.40","wght":"+31.25"}],"return_code":0,"return_msg":"ok"}"""));
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".sectors-list tr[data-code='013']")));

        var column = page.FindAll(".sectors-list thead th").Select(th => th.GetAttribute("title")).ToList().IndexOf("wght");
        var weight = page.FindAll(".sectors-list tr[data-code='013'] td")[column];
        Assert.Equal("31.25%", weight.TextContent.Trim());
        Assert.DoesNotContain("price-", weight.ClassName ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSectorListNamesItsCodeAndNameColumnsAsSectorsNotStocks()
    {
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".sectors-list tr.screen-row").Count));

        var headers = page.FindAll(".sectors-list thead th[title]").ToDictionary(th => th.GetAttribute("title")!, th => th.TextContent.Trim());
        Assert.Equal(("업종코드", "업종명", "현재가"), (headers["stk_cd"], headers["stk_nm"], headers["cur_prc"]));
    }

    [Fact]
    public void ASectorInTheInvestorFlowsOpensByItsPlainCodeThoughTheFlowsNameItWithTheVenue()
    {
        // The guide's ka10051 answer for the combined market (stex_tp 3) names sectors "001_AL"; ka20001/2/9 take "013".
        session.FakeQueries.AnswerRaw("ka10051", (_, _) => Raw("""{"inds_netprps":[{"inds_cd":"013_AL","inds_nm":"전기전자","cur_prc":"-3000.00"}],"return_code":0,"return_msg":"ok"}"""));
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".sectors-flows tr.screen-row[data-code='013_AL']")));

        page.Find(".sectors-flows tr.screen-row[data-code='013_AL']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".sector-members tr.screen-row[data-code='005930']")));
        Assert.Equal("013", page.Find(".sector-summary").GetAttribute("data-code"));
        Assert.Contains("전기전자", page.Find(".sector-summary h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void InvestorFlowsWriteTheSectorIndexInPointsAsTheGuidesExampleMeansIt()
    {
        // The guide's ka10051 example: KOSPI "cur_prc": "+265381", "pred_pre": "+9030" is 2,653.81 points, up 90.30.
        session.FakeQueries.AnswerRaw("ka10051", (_, _) => Raw("""{"inds_netprps":[{"inds_cd":"001_AL","inds_nm":"종합(KOSPI)","cur_prc":"+265381","pred_pre":"+9030","flu_rt":"+3.52"}],"return_code":0,"return_msg":"ok"}"""));
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".sectors-flows tr.screen-row[data-code='001_AL']")));

        var cells = page.FindAll(".sectors-flows tr.screen-row[data-code='001_AL'] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("2,653.81 ▲", cells);
        Assert.True(cells.Contains("+90.30"), string.Join(" | ", cells));
        Assert.DoesNotContain(cells, c => c.Contains("265,381", StringComparison.Ordinal) || c.Contains("265381", StringComparison.Ordinal));
    }

    [Fact]
    public void AThemeOpensItsStocksLinkedToTheStockPage()
    {
        bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("themes");
        var page = bunit.Render<SectorsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".themes-list tr.screen-row[data-code='100']")));

        page.Find(".themes-list tr.screen-row[data-code='100']").Click();

        page.WaitForAssertion(() => Assert.Equal("market/000660", page.Find(".theme-stocks a.screen-code").GetAttribute("href")));
        Assert.Contains(page.FindAll(".theme-stocks td"), td => (td.ClassName ?? string.Empty).Contains("price-down", StringComparison.Ordinal));
    }

    private static KiwoomRawResponse Raw(string json) => new(200, null, null, null, System.Text.Encoding.UTF8.GetBytes(json), null);
}
