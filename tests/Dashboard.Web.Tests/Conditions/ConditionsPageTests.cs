using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Conditions;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using ChangeSignCode = Dashboard.Kiwoom.Wire.ChangeSignCode;

namespace Dashboard.Web.Tests.Conditions;

/// <summary>The condition-search page against a fake session: list, run once, watch live, clear on leaving.</summary>
public sealed class ConditionsPageTests : IAsyncLifetime
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
        session.FakeConditions.Saved.AddRange([new ConditionInfo("0", "골든크로스"), new ConditionInfo("1", "거래량 급증")]);
        session.FakeConditions.Matching["0"] = ["005930"];
        session.FakeMarket.Quotes["005930"] = Quote("005930", "삼성전자", 70_000, PriceDirection.Up, 1.45m);
        session.FakeMarket.Quotes["000660"] = Quote("000660", "SK하이닉스", 180_000, PriceDirection.Down, -0.5m);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void TheSavedConditionsAreListedAndRunningOneShowsItsStocksLinkedToTheirPages()
    {
        session.FakeConditions.Results["0"] = [new ConditionSearchRow("005930", "삼성전자", new SignedPrice(70_000, Dashboard.Kiwoom.Wire.PriceDirection.Up), ChangeSignCode.Up, 1000, "145", 12345, null, null, null)];
        var page = bunit.Render<ConditionsPage>();

        page.WaitForAssertion(() => Assert.Contains("골든크로스", page.Find(".conditions-select").TextContent));
        page.Find("button.conditions-run").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.conditions-result")));
        var row = page.Find("tr.conditions-result");
        Assert.Equal("market/005930", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("70,000", row.TextContent);
        Assert.Contains("price-up", row.QuerySelector(".price")!.ClassName);
    }

    [Fact]
    public async Task WatchingShowsTheStartingSetThenAnInsertWithItsTimeAndLivePrice()
    {
        var page = bunit.Render<ConditionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.conditions-watch")));

        page.Find("button.conditions-watch").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.conditions-member")));
        Assert.Contains("At start", page.Find("tr.conditions-member").TextContent);

        var watch = Assert.Single(session.FakeConditions.Watches);
        watch.Push(new ConditionChange("0", ConditionChangeKind.Inserted, ["000660"], new TimeOnly(10, 15, 30)));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll("tr.conditions-insert").Count == 1;
            },
            TimeSpan.FromSeconds(5));
        var insert = page.Find("tr.conditions-insert");
        Assert.Contains("10:15:30", insert.TextContent);
        Assert.Contains("SK하이닉스", insert.TextContent);
        var member = page.Find("tr.conditions-member[data-code='000660']");
        Assert.Contains("180,000", member.TextContent);
        Assert.Contains("price-down", member.QuerySelector(".price")!.ClassName);

        // Both stocks are priced by one 0B feed over the matching set.
        var feed = session.FakeFeeds.Opened.Last(f => f.Type == RealtimeTypes.Trade);
        Assert.Equal(["000660", "005930"], session.FakeFeeds.ItemsOf(feed).Order());
    }

    [Fact]
    public async Task AStockLeavingIsShownAndLeavingThePageClearsTheWatch()
    {
        var page = bunit.Render<ConditionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.conditions-watch")));
        page.Find("button.conditions-watch").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.conditions-member")));
        var watch = Assert.Single(session.FakeConditions.Watches);

        watch.Push(new ConditionChange("0", ConditionChangeKind.Deleted, ["005930"], new TimeOnly(11, 0, 0)));
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll("tr.conditions-delete").Count == 1;
            },
            TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("tr.conditions-member"));
        Assert.False(watch.Cleared);

        await page.Instance.DisposeAsync();

        Assert.True(watch.Cleared);
    }

    private static Quote Quote(string code, string name, long price, PriceDirection direction, decimal rate) =>
        new(code, name, price, direction, 0, rate, 0, null, null, DateTimeOffset.UnixEpoch, FromSnapshot: true);
}
