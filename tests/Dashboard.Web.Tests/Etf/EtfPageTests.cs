using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Etf;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;
using Rate = Dashboard.Kiwoom.Wire.Rate;
using Quantity = Dashboard.Kiwoom.Wire.Quantity;
using ChangeSignCode = Dashboard.Kiwoom.Wire.ChangeSignCode;

namespace Dashboard.Web.Tests.Etf;

/// <summary>The ETF detail page against a fake session: names from ka40002, NAV card moved by 0G pushes.</summary>
public sealed class EtfPageTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
        });
        session.FakeQueries.Answer("ka40002", _ => new Ka40002Response { StockName = "KODEX 200", EtfobjtIdexNm = "KOSPI200" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task ANavPushShowsNavPremiumAndTrackingErrorWithUpInRed()
    {
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));
        page.WaitForAssertion(() => Assert.Contains("KODEX 200", page.Find(".etf-title").TextContent));
        Assert.Equal("-", page.Find(".etf-nav").TextContent.Trim());

        var feed = session.FakeFeeds.Live<EtfNavQuote>(RealtimeTypes.EtfNav);
        Assert.Equal(["069500"], session.FakeFeeds.ItemsOf(feed));
        feed.Publish(new EtfNavQuote(Nav(nav: 10_000m, price: 10_050)));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.Find(".etf-nav").TextContent.Contains("10,000.00", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5));
        Assert.Equal("+0.50%", page.Find(".etf-premium").TextContent.Trim());
        Assert.Contains("price-up", page.Find(".etf-premium").ClassName);
        Assert.Equal("+0.12%", page.Find(".etf-tracking").TextContent.Trim());
        Assert.Contains("10,050", page.Find(".etf-price").TextContent);
        Assert.Equal("market/069500", page.Find("a.etf-stock-link").GetAttribute("href"));
    }

    [Fact]
    public void BeforeTheFirstPushTheCardShowsTheLatestNavSnapshotAndSaysSo()
    {
        session.FakeQueries.Answer("ka40009", _ => new Ka40009Response
        {
            Etfnavarray = new([new Ka40009EtfnavarrayItem { Nav = "10000.00", NavfluRt = Rate.Parse("+0.25"), TraceEorRt = Rate.Parse("0.10") }]),
        });
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));

        page.WaitForAssertion(() => Assert.Contains("10,000.00", page.Find(".etf-nav").TextContent));
        Assert.Contains("latest snapshot", page.Find(".etf-nav-time").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting", page.Find(".etf-nav-time").TextContent, StringComparison.Ordinal);

        // Not "live" beside "waiting for live updates": the chip says what the values are until 0G speaks.
        Assert.Equal("Snapshot", page.Find(".etf-snapshot").TextContent.Trim());
        Assert.Empty(page.FindAll(".freshness-live"));
    }

    [Fact]
    public void TheDailyTrendShowsTheNavAsAPriceColouredByItsDirection()
    {
        // ka40003 signs a NAV by its direction vs the day before: "-54076.85" is 54,076.85, down (not a negative NAV).
        session.FakeQueries.Answer("ka40003", _ => new Ka40003Response
        {
            EtfdalyTrnsn = new([
                new Ka40003EtfdalyTrnsnItem { Nav = "-54076.85", TraceEorRt = "4" },
                new Ka40003EtfdalyTrnsnItem { Nav = "+54210.10" },
            ]),
        });
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".tr-panel[data-api='ka40003'] td[data-column='nav']").Count));
        var navs = page.FindAll(".tr-panel[data-api='ka40003'] td[data-column='nav']");
        Assert.Equal(("54,076.85 ▼", true), (navs[0].TextContent.Trim(), navs[0].ClassList.Contains("price-down")));
        Assert.Equal(("54,210.10 ▲", true), (navs[1].TextContent.Trim(), navs[1].ClassList.Contains("price-up")));

        // The tracking error (sent ×100) reads as the card writes it, a percentage, uncoloured: it is a size, not a move.
        var tracking = page.Find(".tr-panel[data-api='ka40003'] td[data-column='trace_eor_rt']");
        Assert.Equal(("+0.04%", false), (tracking.TextContent.Trim(), tracking.ClassName!.Contains("price-", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheNavByTimeTableReadsItsChangeRatesAndPricesLikeTheNav()
    {
        // ka40009 leaves every column bare in the guide; the catalog errata read them as the same values the other ETF tables carry.
        session.FakeQueries.Answer("ka40009", _ => new Ka40009Response
        {
            Etfnavarray = new([new Ka40009EtfnavarrayItem
            {
                Nav = "+53584.20", NavpredPre = "+354.95", NavfluRt = Rate.Parse("0.67"), TraceEorRt = Rate.Parse("0.04"), DisptyRt = Rate.Parse("-0.21"),
                BasePrice = SignedPrice.Parse("53225"), ForRmndQty = Quantity.Parse("1200"),
            }]),
        });
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));

        const string Row = ".tr-panel[data-api='ka40009'] tr.tr-row";
        page.WaitForAssertion(() => Assert.Single(page.FindAll(Row)));
        (string Text, string Tone) Cell(string column)
        {
            var cell = page.Find($"{Row} td[data-column='{column}']");
            return (cell.TextContent.Trim(), cell.ClassList.Contains("price-up") ? "up" : cell.ClassList.Contains("price-down") ? "down" : "plain");
        }

        Assert.Equal(("53,584.20 ▲", "up"), Cell("nav"));
        Assert.Equal(("+354.95", "up"), Cell("navpred_pre"));
        Assert.Equal(("+0.67%", "up"), Cell("navflu_rt"));
        Assert.Equal(("-0.21%", "down"), Cell("dispty_rt"));
        Assert.Equal(("+0.04%", "plain"), Cell("trace_eor_rt"));
        Assert.Equal(("53,225", "plain"), Cell("base_pric"));
        Assert.Equal(("1,200", "plain"), Cell("for_rmnd_qty"));
    }

    [Fact]
    public void ASeededNavSignedDownIsItsValueInBlue()
    {
        session.FakeQueries.Answer("ka40009", _ => new Ka40009Response
        {
            Etfnavarray = new([new Ka40009EtfnavarrayItem { Nav = "-10000.00", NavfluRt = Rate.Parse("-0.25"), TraceEorRt = Rate.Parse("0.10") }]),
        });
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));

        page.WaitForAssertion(() => Assert.Equal("10,000.00", page.Find(".etf-nav").TextContent.Trim()));
        Assert.Contains("price-down", page.Find(".etf-nav").ClassName);
    }

    [Fact]
    public void TheTrendTabsSitInAStripThatScrollsSidewaysOnANarrowScreen()
    {
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));

        // The bar carries the app-wide class whose narrow-screen rules PhoneTabStripTests checks (the phone journey swipes it).
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll(".etf-tabs .mud-tabs-tabbar.scrolling-tabs .mud-tab").Count));
    }

    [Fact]
    public async Task ADiscountIsNegativeAndBlue()
    {
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "069500"));
        page.WaitForAssertion(() => Assert.Contains("KODEX 200", page.Find(".etf-title").TextContent));

        session.FakeFeeds.Live<EtfNavQuote>(RealtimeTypes.EtfNav).Publish(new EtfNavQuote(Nav(nav: 10_000m, price: 9_980)));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.Find(".etf-premium").TextContent.Contains("-0.20%", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5));
        Assert.Contains("price-down", page.Find(".etf-premium").ClassName);
    }

    [Fact]
    public void AnInvalidCodeIsExplainedAndNothingIsSubscribed()
    {
        var page = bunit.Render<EtfPage>(p => p.Add(e => e.Code, "69500"));

        Assert.Contains("6 capital letters", page.Find(".etf-invalid").TextContent);
        Assert.Empty(session.FakeFeeds.Opened);
    }

    private static EtfNav Nav(decimal nav, long price) => new(
        "069500", new TimeOnly(10, 0, 0), new SignedDecimalPrice(nav, PriceDirection.Up), 12.5m, 0.3m, 0.12m,
        new SignedPrice(price, PriceDirection.Up), 50, 0.5m, 1000, ChangeSignCode.Up, null, null, DateTimeOffset.UnixEpoch.AddYears(56));
}
