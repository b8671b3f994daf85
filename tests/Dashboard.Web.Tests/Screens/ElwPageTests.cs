using System.Text.Json;
using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Elw;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Screens;

/// <summary>
/// The ELW detail page against a fake session: Greeks (0m) and indicators (0u) pushed live, its own price, and
/// the underlying from ka30012 linked to its stock page and priced live.
/// </summary>
public sealed class ElwPageTests : IAsyncLifetime
{
    private const string Elw = "57JBHH";
    private const string Underlying = "005930";
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
        session.FakeMarket.Quotes[Elw] = new Quote(Elw, "KB삼성전자콜", 125, PriceDirection.Up, 5, 4.17m, 10_000, null, null, bunit.Time.GetUtcNow(), FromSnapshot: true);
        session.FakeQueries.Answer("ka30012", _ => JsonSerializer.Deserialize(
            """{"aset_cd":"A005930","stk_nm":"KB삼성전자콜","return_code":0,"return_msg":"ok"}""", KiwoomJsonContext.Default.Ka30012Response)!);
        // A warrant without a sensitivity row yet: the Greeks wait for the first 0m push.
        session.FakeQueries.Answer("ka10050", _ => JsonSerializer.Deserialize(
            """{"elwsnst_ix_array":[],"return_code":0,"return_msg":"ok"}""", KiwoomJsonContext.Default.Ka10050Response)!);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task GreeksAndIndicatorsArePushedLive()
    {
        var page = bunit.Render<ElwPage>(p => p.Add(e => e.Code, Elw));
        page.WaitForAssertion(() => Assert.Contains("125", page.Find(".elw-price").TextContent));
        Assert.Contains("KB삼성전자콜", page.Find(".elw-title").TextContent);
        Assert.Contains("Waiting", page.Find(".elw-greeks").TextContent);
        Assert.Equal([Elw], session.FakeFeeds.ItemsOf(session.FakeFeeds.Live<ElwGreeksQuote>(RealtimeTypes.ElwTheoretical)));

        session.FakeFeeds.Live<ElwGreeksQuote>(RealtimeTypes.ElwTheoretical).Publish(
            new ElwGreeksQuote(Elw, new TimeOnly(10, 0), 131m, 28.5m, 0.4512m, 0.0012m, -0.5m, 0.2m, 0.01m, 27m, bunit.Time.GetUtcNow()));
        session.FakeFeeds.Live<ElwIndicatorQuote>(RealtimeTypes.ElwIndicators).Publish(
            new ElwIndicatorQuote(Elw, new TimeOnly(10, 0), 98.5m, 12.25m, 7.5m, 3.1m, -2m, bunit.Time.GetUtcNow()));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll(".elw-delta") is [var delta] && delta.TextContent == "0.4512"
                    && page.Find(".elw-indicators").TextContent.Contains("12.25", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5));
        Assert.Equal("131", page.Find(".elw-theoretical").TextContent);
        Assert.Contains("+3.10", page.Find(".elw-indicators").TextContent);
    }

    [Fact]
    public async Task GreeksShowTheLastKa10050RowUntilTheFirst0mPushReplacesIt()
    {
        session.FakeQueries.Answer("ka10050", _ => JsonSerializer.Deserialize(
            """{"elwsnst_ix_array":[{"cntr_tm":"095959","cur_prc":"+125","elwtheory_pric":"12700","iv":"2710","delta":"440100","gam":"1100","theta":"-400000","vega":"190000","law":"10000","lp":"2650"}],"return_code":0,"return_msg":"ok"}""",
            KiwoomJsonContext.Default.Ka10050Response)!);
        var page = bunit.Render<ElwPage>(p => p.Add(e => e.Code, Elw));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.FindAll(".elw-delta") is [var delta] && delta.TextContent == "0.4401";
            },
            TimeSpan.FromSeconds(5));
        Assert.Equal("127", page.Find(".elw-theoretical").TextContent);

        session.FakeFeeds.Live<ElwGreeksQuote>(RealtimeTypes.ElwTheoretical).Publish(
            new ElwGreeksQuote(Elw, new TimeOnly(10, 0), 131m, 28.5m, 0.4512m, 0.0012m, -0.5m, 0.2m, 0.01m, 27m, bunit.Time.GetUtcNow()));
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.Find(".elw-delta").TextContent == "0.4512";
            },
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TheUnderlyingFromKa30012IsLinkedAndPricedLive()
    {
        var page = bunit.Render<ElwPage>(p => p.Add(e => e.Code, Elw));
        page.WaitForAssertion(() => Assert.Equal($"market/{Underlying}", page.Find("a.elw-underlying-link").GetAttribute("href")));

        var underlyingFeed = session.FakeFeeds.Opened.OfType<LiveFeed<Quote>>().Single(f => session.FakeFeeds.ItemsOf(f).SequenceEqual([Underlying]));
        underlyingFeed.Publish(new Quote(Underlying, "삼성전자", 69_500, PriceDirection.Down, -500, -0.71m, 5_000, 1, null, bunit.Time.GetUtcNow(), FromSnapshot: false));

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return page.Find(".elw-underlying").TextContent.Contains("69,500", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5));
        Assert.Contains("삼성전자", page.Find("a.elw-underlying-link").TextContent);
        Assert.Contains("price-down", page.Find(".elw-underlying .price-down").ClassName);
        Assert.Contains("-0.71%", page.Find(".elw-underlying").TextContent);
    }

    [Fact]
    public void AnInvalidCodeIsExplainedAndNothingIsSubscribed()
    {
        var page = bunit.Render<ElwPage>(p => p.Add(e => e.Code, "57jb"));

        Assert.NotEmpty(page.Find(".elw-invalid").TextContent.Trim());
        Assert.Empty(session.FakeFeeds.Opened);
        Assert.Empty(session.FakeQueries.Sent);
    }
}
