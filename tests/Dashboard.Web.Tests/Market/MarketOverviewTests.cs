using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Market;

/// <summary>The market overview against fakes of the broker boundary: no host, no socket.</summary>
public sealed class MarketOverviewTests : IAsyncLifetime
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
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task TheSnapshotIsShownAndALiveTickMovesThePrice()
    {
        session.FakeMarket.Quotes["005930"] = QuoteOf("005930", 70_000, PriceDirection.Up);
        var page = bunit.Render<MarketOverview>();
        page.WaitForAssertion(() => Assert.Contains("70,000", Row(page, "005930")));

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Publish(QuoteOf("005930", 70_500, PriceDirection.Up));

        // The feed is read on another thread, which then schedules a throttled render on the fake clock:
        // move the clock on each time the assertion is retried until that render has happened.
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return Row(page, "005930").Contains("70,500", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ATickRendersOnlyTheRowOfItsStock()
    {
        session.FakeMarket.Quotes["005930"] = QuoteOf("005930", 70_000, PriceDirection.Up);
        session.FakeMarket.Quotes["000660"] = QuoteOf("000660", 180_000, PriceDirection.Down);
        var page = bunit.Render<MarketOverview>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindComponents<OverviewQuoteRow>().Count));
        var rows = page.FindComponents<OverviewQuoteRow>().ToDictionary(r => r.Instance.Code);
        var before = rows.ToDictionary(kv => kv.Key, kv => kv.Value.RenderCount);

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Publish(QuoteOf("005930", 70_500, PriceDirection.Up));
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return Row(page, "005930").Contains("70,500", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10));

        Assert.True(rows["005930"].RenderCount > before["005930"]);
        Assert.Equal(before["000660"], rows["000660"].RenderCount);
        Assert.Contains("180,000", Row(page, "000660"));
    }

    [Fact]
    public void TheOverviewSubscribesQuotesOfEveryDefaultStockAndEveryIndex()
    {
        bunit.Render<MarketOverview>();

        var quotes = session.FakeFeeds.Opened.Single(f => f.Type == RealtimeTypes.Trade);
        var indices = session.FakeFeeds.Opened.Single(f => f.Type == RealtimeTypes.SectorIndex);
        Assert.Equal(MarketDefaults.Stocks, session.FakeFeeds.ItemsOf(quotes));
        Assert.Equal(MarketDefaults.Indices.Select(i => i.Code), session.FakeFeeds.ItemsOf(indices));
    }

    [Fact]
    public async Task LeavingThePageClosesItsFeeds()
    {
        var page = bunit.Render<MarketOverview>();
        var feed = session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade);

        await page.Instance.DisposeAsync();

        var reading = feed.ReadAllAsync().GetAsyncEnumerator();
        Assert.False(await reading.MoveNextAsync());
    }

    private static string Row(IRenderedComponent<MarketOverview> page, string code) =>
        page.Find($"tr.market-quote[data-code='{code}']").TextContent;

    private static Quote QuoteOf(string code, long price, PriceDirection direction) =>
        new(code, "삼성전자", price, direction, 100, 0.14m, 1_000, 1, null, new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero), FromSnapshot: false);
}
