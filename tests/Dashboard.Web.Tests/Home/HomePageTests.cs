using System.Text;
using Bunit;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Alerts;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Home;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Watchlists;
using Microsoft.Extensions.Options;
using static Dashboard.Web.Tests.Portfolio.PortfolioWire;

namespace Dashboard.Web.Tests.Home;

/// <summary>The member's home screen against fakes of the broker boundary and the real list and alert services.</summary>
public sealed class HomePageTests : IAsyncLifetime
{
    private const string ViList =
        """{"return_code":0,"return_msg":"조회가 완료되었습니다","motn_stk":[{"stk_cd":"005930","stk_nm":"삼성전자","acc_trde_qty":"1200","motn_pric":"+77000","dynm_dispty_rt":"+3.10","trde_cntr_proc_time":"093015","virelis_time":"","viaplc_tp":"정적","dynm_stdpc":"+74600","static_stdpc":"+70000","static_dispty_rt":"+10.00","open_pric_pre_flu_rt":"+5.00","vimotn_cnt":"1","stex_tp":"1"}]}""";

    private readonly FakeBrokerSession session = new();
    private bool connected;
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton(Options.Create(new BrokerOptions()));
            services.AddSingleton(TestMeters.Create());
            // Resolved at the first render, so each test chooses first whether the member has a connection.
            services.AddSingleton<IBrokerSessions>(_ => new FakeBrokerSessions(connected ? session : null));
            services.AddWatchlists();
            services.AddAlerts();
        });
        AnswerWith("kt00018", Kt00018(new Holding("005930", "삼성전자", 10, 70_000, 71_000, 70_500)));
        AnswerWith("kt00001", Kt00001(deposit: 5_000_000, orderable: 4_500_000));
        AnswerWith("ka10074", Ka10074(realized: 0));
        AnswerWith("ka10054", ViList);
        foreach (var (code, value) in new[] { ("001", 2_650.12m), ("101", 870.5m), ("201", 350.25m) })
        {
            session.FakeMarket.Indices[code] = new IndexQuote(code, value, Dashboard.Kiwoom.Wire.PriceDirection.Up, 1m, 0.12m, bunit.Time.GetUtcNow(), true);
        }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task AHoldingIsOneTapFromHomeToItsStock()
    {
        var home = Render();

        await UntilAsync(home, () => Assert.Single(home.FindAll(".home-position")));
        var position = home.Find(".home-position[data-code='005930']");
        Assert.Equal("a", position.TagName, ignoreCase: true);
        Assert.Equal("market/005930", position.GetAttribute("href"));
        Assert.Equal(Dashboard.Web.Components.Portfolio.PortfolioFormat.Won(710_000), home.Find(".home-evaluation").TextContent.Trim());
        Assert.Matches("(원|₩)", home.Find(".home-profit").TextContent);
        Assert.Equal("portfolio", home.Find(".home-portfolio-link").GetAttribute("href"));
    }

    [Fact]
    public async Task APositionsRateIsWrittenLikeThePortfolioPageWritesIt()
    {
        AnswerWith("kt00018", Kt00018(
            new Holding("005930", "삼성전자", 10, 70_000, 71_000, 70_500),
            new Holding("000660", "SK하이닉스", 5, 200_000, 190_000, 195_000)));
        var home = Render();

        await UntilAsync(home, () => Assert.Equal(2, home.FindAll(".home-position").Count));
        var gain = home.Find(".home-position[data-code='005930'] .home-position-rate");
        var loss = home.Find(".home-position[data-code='000660'] .home-position-rate");
        Assert.Equal(Dashboard.Web.Components.Portfolio.PortfolioFormat.SignedRate(1.43m), gain.TextContent.Trim());
        Assert.Equal("+1.43%", gain.TextContent.Trim());
        Assert.Equal("-5.00%", loss.TextContent.Trim());
        Assert.Contains("price-up", gain.ClassName, StringComparison.Ordinal);
        Assert.Contains("price-down", loss.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIndicesAreShown()
    {
        var home = Render();

        await UntilAsync(home, () => Assert.Contains("2,650.12", home.Find(".home-index[data-code='001']").TextContent));
        Assert.Equal(3, home.FindAll(".home-index").Count);
    }

    [Fact]
    public async Task TodaysViIsListedFromKa10054()
    {
        var home = Render();

        await UntilAsync(home, () => Assert.Contains("77,000", home.Find(".home-vi[data-code='005930']").TextContent));
        Assert.Contains("Triggered", home.Find(".home-vi[data-code='005930']").TextContent);
    }

    [Fact]
    public async Task HomeShowsAFewVisWithThoseStillInAViFirstAndLinksToThemAll()
    {
        // Twelve released VIs and one still running (the oldest): the running one leads, eight rows in all.
        var rows = Enumerable.Range(0, 12).Select(i => ViJson($"0{i:00}000", $"09{i + 10:00}00", $"09{i + 12:00}00"))
            .Append(ViJson("005930", "090100", string.Empty));
        AnswerWith("ka10054", $$"""{"return_code":0,"return_msg":"ok","motn_stk":[{{string.Join(",", rows)}}]}""");
        var home = Render();

        await UntilAsync(home, () => Assert.Equal(8, home.FindAll(".home-vi").Count));
        Assert.Equal("005930", home.FindAll(".home-vi")[0].GetAttribute("data-code"));
        var all = home.Find(".home-vi-all");
        Assert.Equal("vi", all.GetAttribute("href"));
        Assert.Contains("13", all.TextContent, StringComparison.Ordinal);
    }

    private static string ViJson(string code, string triggered, string released) =>
        $$"""{"stk_cd":"{{code}}","stk_nm":"종목{{code}}","acc_trde_qty":"100","motn_pric":"+10000","dynm_dispty_rt":"+3.10","trde_cntr_proc_time":"{{triggered}}","virelis_time":"{{released}}","viaplc_tp":"동적","dynm_stdpc":"+9700","static_stdpc":"+9000","static_dispty_rt":"+10.00","open_pric_pre_flu_rt":"+5.00","vimotn_cnt":"1","stex_tp":"1"}""";

    [Fact]
    public async Task RecentAlertsShowTheValueThatFiredThem()
    {
        var alerts = bunit.Services.GetRequiredService<AlertService>();
        await alerts.CreateAsync(bunit.Member, new AlertInput("005930", AlertKind.PriceAbove, 70_000, 0, Rearm: false));
        var rule = Assert.Single(await alerts.ActiveRulesAsync(DashboardTestContext.MemberId));
        await alerts.RecordAsync(DashboardTestContext.MemberId, new AlertHit(rule, 70_300, bunit.Time.GetUtcNow()));

        var home = Render();

        await UntilAsync(home, () => Assert.Contains("70,300 won", home.Find(".alerts-firing").TextContent));
        Assert.Contains("005930 price at or above 70,000 won", home.Find(".alerts-firing").TextContent);
    }

    [Fact]
    public async Task TheChosenWatchlistIsShownAndTheChoiceIsKept()
    {
        var lists = bunit.Services.GetRequiredService<WatchlistService>();
        var first = (await lists.CreateAsync(bunit.Member, "Alpha", team: false)).Id!.Value;
        var second = (await lists.CreateAsync(bunit.Member, "Beta", team: false)).Id!.Value;
        await bunit.Services.GetRequiredService<WatchlistViewService>().SetHomeListAsync(bunit.Member, second);

        var home = Render();

        await UntilAsync(home, () => Assert.Equal("Beta", home.Find(".home-watchlist-card .watchlist-title").TextContent.Trim()));
        Assert.NotEqual(first, second);
        Assert.Empty(home.FindAll(".home-watchlist-card .watchlist-edit-toggle"));
    }

    [Fact]
    public async Task WithoutAConnectionHomeSaysSoAndWhereToAddOne()
    {
        var home = Render(withSession: false);

        await UntilAsync(home, () => Assert.Contains("No broker connection", home.Find(".home-unavailable").TextContent));
        Assert.Contains("No broker connection", home.Find(".home-positions-unavailable").TextContent);
    }

    /// <summary>Answers a TR with a wire body, decoded as the real client decodes it.</summary>
    private void AnswerWith(string apiId, string json)
    {
        var decoded = KiwoomJson.Decode(Encoding.UTF8.GetBytes(json), apiId);
        Assert.True(decoded.IsSuccess, decoded.Error?.Message);
        session.FakeQueries.Answer(apiId, _ => decoded.Value);
    }

    private IRenderedComponent<HomePage> Render(bool withSession = true)
    {
        connected = withSession;
        return bunit.Render<HomePage>();
    }

    /// <summary>Renders are throttled on the fake clock: move it a render interval at a time until the assertion holds.</summary>
    private async Task UntilAsync(IRenderedComponent<HomePage> page, Action assertion)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
            try
            {
                page.WaitForAssertion(assertion, TimeSpan.FromMilliseconds(50));
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Yield();
            }
        }
    }
}
