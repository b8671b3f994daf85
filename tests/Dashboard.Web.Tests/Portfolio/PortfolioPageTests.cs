using System.Globalization;
using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Portfolio;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Market;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Web.Tests.Portfolio.PortfolioWire;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>The /portfolio page against fakes of the broker boundary, on a fake clock.</summary>
public sealed class PortfolioPageTests : IAsyncLifetime
{
    private static readonly Holding Samsung = new("005930", "삼성전자", 10, 70_000, 71_000, 70_500);
    private static readonly Holding Hynix = new("000660", "SK하이닉스", 2, 150_000, 160_000, 155_000);

    private readonly BunitContext bunit = MarketTestContext.Create();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    private readonly FakeBrokerSession session = new();

    public PortfolioPageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        session.Status = new BrokerStatus(BrokerLinkState.Connected, null, null, null, Subscribed: false, time.GetUtcNow());
        session.FakeQueries.Answer("kt00018", Kt00018(Samsung, Hynix));
        session.FakeQueries.Answer("kt00001", Kt00001(deposit: 5_000_000, orderable: 4_500_000));
        session.FakeQueries.Answer("ka10074", Ka10074(realized: -12_345));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task ShowsLoadingUntilTheBalancesArriveThenTheTotals()
    {
        session.FakeQueries.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = Render();

        Assert.NotEmpty(page.FindAll(".portfolio-loading"));
        Assert.Contains("Loading your balances", page.Markup);

        session.FakeQueries.Hold.SetResult();
        await UntilAsync(page, () => Assert.Contains("₩1,030,000", page.Find(".portfolio-total-evaluation").TextContent));
        Assert.Empty(page.FindAll(".portfolio-loading"));
    }

    [Fact]
    public async Task ShowsCashTotalsTodaysRealizedAndOneRowPerHolding()
    {
        var page = Render();

        await UntilAsync(page, () => Assert.Equal(2, page.FindAll(".position-row").Count));
        Assert.Contains("₩1,030,000", page.Find(".portfolio-total-evaluation").TextContent);
        Assert.Contains("₩1,000,000", page.Find(".portfolio-total-purchase").TextContent);
        Assert.Contains("+₩30,000 (+3.00%)", page.Find(".portfolio-total-profit").TextContent);
        Assert.Contains("-₩12,345", page.Find(".portfolio-realized-today").TextContent);
        Assert.Contains("₩5,000,000", page.Find(".portfolio-deposit").TextContent);
        Assert.Contains("₩4,500,000", page.Find(".portfolio-orderable").TextContent);
        Assert.Equal("As of 2026-11-26 10:00:00 KST", page.Find(".portfolio-updated").TextContent.Trim());

        var samsung = page.Find(".position-row[data-code='005930']");
        Assert.Contains("삼성전자", samsung.TextContent);
        Assert.Equal("₩710,000", samsung.QuerySelector(".position-evaluation")!.TextContent.Trim());
        Assert.Equal("+₩10,000", samsung.QuerySelector(".position-profit")!.TextContent.Trim());
        Assert.Equal("+1.43%", samsung.QuerySelector(".position-rate")!.TextContent.Trim());
        Assert.Equal("68.93%", samsung.QuerySelector(".position-weight")!.TextContent.Trim());
    }

    [Fact]
    public async Task EachHoldingIsOneTapFromItsStockPageOnAPhone()
    {
        var page = Render();

        await UntilAsync(page, () => Assert.Equal(2, page.FindAll(".position-card").Count));
        var card = page.Find(".position-card[data-code='000660']");
        Assert.Equal("a", card.TagName, ignoreCase: true);
        Assert.Equal("market/000660", card.GetAttribute("href"));
        Assert.Contains("SK하이닉스", card.TextContent);
        Assert.Contains("+₩20,000 (+6.67%)", card.TextContent);
    }

    [Fact]
    public async Task NoHoldingsSaysSoAndLinksToTheMarket()
    {
        session.FakeQueries.Answer("kt00018", Kt00018());
        var page = Render();

        await UntilAsync(page, () => Assert.Contains("You hold no stocks.", page.Find(".portfolio-empty").TextContent));
        Assert.Equal("market", page.Find(".portfolio-empty a").GetAttribute("href"));
        Assert.Empty(page.FindAll(".position-row"));
        Assert.Contains("₩0", page.Find(".portfolio-total-evaluation").TextContent);
    }

    [Fact]
    public async Task AFailedLoadSaysWhatWentWrongAndRetryLoadsTheHoldings()
    {
        session.FakeQueries.Fail("kt00018", "조회할 자료가 없습니다");
        var page = Render();

        await UntilAsync(page, () => Assert.Contains("Could not load your balances: 조회할 자료가 없습니다", page.Find(".portfolio-error").TextContent));
        Assert.Empty(page.FindAll(".position-row"));

        session.FakeQueries.Answer("kt00018", Kt00018(Samsung));
        await page.Find(".portfolio-error button").ClickAsync(new());
        await UntilAsync(page, () => Assert.Single(page.FindAll(".position-row")));
        Assert.Empty(page.FindAll(".portfolio-error"));
    }

    [Fact]
    public async Task WithoutABrokerConnectionItSaysSoAndLinksToConnections()
    {
        var page = Render(withSession: false);

        await UntilAsync(page, () => Assert.Contains("You have no usable broker connection.", page.Find(".portfolio-unavailable").TextContent));
        Assert.Equal("settings/connections", page.Find(".portfolio-unavailable a").GetAttribute("href"));
    }

    [Fact]
    public async Task ATickMovesTheRowsProfitAndTheTotals()
    {
        var page = Render();
        await UntilAsync(page, () => Assert.Equal(2, page.FindAll(".position-row").Count));

        session.FakeFeeds.Push(Trade("005930", 72_000, time));

        await UntilAsync(page, () => Assert.Equal("+₩20,000", page.Find(".position-row[data-code='005930'] .position-profit").TextContent.Trim()));
        Assert.Equal("₩720,000", page.Find(".position-row[data-code='005930'] .position-evaluation").TextContent.Trim());
        Assert.Contains("₩1,040,000", page.Find(".portfolio-total-evaluation").TextContent);
        Assert.Contains("+₩40,000 (+4.00%)", page.Find(".portfolio-total-profit").TextContent);
    }

    [Fact]
    public async Task ABalancePushChangesQuantityAndAverageAndAddsAndRemovesRows()
    {
        var page = Render();
        await UntilAsync(page, () => Assert.Equal(2, page.FindAll(".position-row").Count));

        // Bought 5 more Samsung at 72,000: 15 shares at an average of 70,666.
        session.FakeFeeds.Push(Balance("005930", "삼성전자", 15, 70_666, 72_000, time));
        await UntilAsync(page, () => Assert.Equal("15", page.Find(".position-row[data-code='005930'] td:nth-child(2)").TextContent.Trim()));
        Assert.Equal("70,666", page.Find(".position-row[data-code='005930'] td:nth-child(4)").TextContent.Trim());
        Assert.Equal("+₩20,010", page.Find(".position-row[data-code='005930'] .position-profit").TextContent.Trim());

        // A new holding appears and its price is followed; a sold-out one goes. The broker's cash and
        // realized figures move with the fills, and the page reads them again.
        session.FakeQueries.Answer("kt00001", Kt00001(deposit: 4_000_000, orderable: 3_500_000));
        session.FakeQueries.Answer("ka10074", Ka10074(realized: 77_000));
        session.FakeFeeds.Push(Balance("035720", "카카오", 3, 40_000, 40_000, time, realizedToday: 55_000));
        session.FakeFeeds.Push(Balance("000660", "SK하이닉스", 0, 0, 161_000, time, realizedToday: 77_000));
        await UntilAsync(page, () => Assert.Equal(["005930", "035720"], page.FindAll(".position-row").Select(r => r.GetAttribute("data-code"))));
        await UntilAsync(page, () => Assert.Contains("+₩77,000", page.Find(".portfolio-realized-today").TextContent));
        await UntilAsync(page, () => Assert.Contains("₩4,000,000", page.Find(".portfolio-deposit").TextContent));
        Assert.Contains("₩3,500,000", page.Find(".portfolio-orderable").TextContent);

        // 15 x 72,000 + 3 x 40,000 against 15 x 70,666 + 3 x 40,000.
        Assert.Contains("₩1,200,000", page.Find(".portfolio-total-evaluation").TextContent);
        Assert.Contains("+₩20,010", page.Find(".portfolio-total-profit").TextContent);
        await UntilAsync(page, () => Assert.Contains(session.FakeFeeds.Opened.OfType<LiveFeed<Quote>>(), f => session.FakeFeeds.Items[f].Contains("035720") && !session.FakeFeeds.Items[f].Contains("000660")));
    }

    [Fact]
    public async Task ValuesAreMarkedStaleWhenTheFeedGoesQuiet()
    {
        session.Status = new BrokerStatus(BrokerLinkState.Connected, null, null, time.GetUtcNow(), Subscribed: true, time.GetUtcNow());
        var page = Render();
        await UntilAsync(page, () => Assert.NotEmpty(page.FindAll(".portfolio-live-chip")));
        Assert.Empty(page.FindAll(".portfolio-stale"));

        time.Advance(TimeSpan.FromSeconds(10));

        await UntilAsync(page, () => Assert.NotEmpty(page.FindAll(".portfolio-stale-chip")));
        Assert.NotEmpty(page.FindAll(".position-row.portfolio-stale"));
        Assert.NotEmpty(page.FindAll(".portfolio-summary.portfolio-stale"));
    }

    [Fact]
    public async Task SpeaksKoreanByDefault()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ko");
        session.FakeQueries.Answer("kt00018", Kt00018());
        session.FakeQueries.Answer("ka10074", Ka10074(realized: 0));
        var page = Render();

        await UntilAsync(page, () => Assert.Contains("보유 종목이 없습니다.", page.Find(".portfolio-empty").TextContent));
        Assert.Contains("총평가금액", page.Markup);
        Assert.Equal("0원", page.Find(".portfolio-total-evaluation").TextContent.Trim());
        // Every amount carries its unit, a zero as much as any other ("오늘 실현손익 0" once stood alone).
        Assert.Equal("0원", page.Find(".portfolio-realized-today").TextContent.Trim());
        Assert.StartsWith("0원 ", page.Find(".portfolio-total-profit").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAmountOnThePhoneCardsCarriesWonInKorean()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ko");
        var page = Render();

        await UntilAsync(page, () => Assert.Equal(2, page.FindAll(".position-card").Count));
        var samsung = page.Find(".position-card[data-code='005930']");
        Assert.Equal("710,000원", samsung.QuerySelector(".position-value")!.TextContent.Trim());
        Assert.Equal("+10,000원 (+1.43%)", samsung.QuerySelector(".position-profit")!.TextContent.Trim());
        Assert.Equal("-12,345원", page.Find(".portfolio-realized-today").TextContent.Trim());
        Assert.Equal("+10,000원", page.Find(".position-row[data-code='005930'] .position-profit").TextContent.Trim());
    }

    private IRenderedComponent<PortfolioPage> Render(bool withSession = true)
    {
        bunit.Services.AddSingleton<TimeProvider>(time);
        bunit.Services.AddSingleton(Options.Create(new BrokerOptions()));
        bunit.Services.AddSingleton(TestMeters.Create());
        bunit.Services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(withSession ? session : null));
        bunit.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return bunit.Render<PortfolioPage>();
    }

    /// <summary>Renders are throttled on the fake clock: move it a render interval at a time until the assertion holds.</summary>
    private async Task UntilAsync(IRenderedComponent<PortfolioPage> page, Action assertion)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
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
