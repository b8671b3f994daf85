using System.Text;
using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Vi;

namespace Dashboard.Web.Tests.Market;

/// <summary>
/// The whole stock page against fakes of the session: the ka10001 header, the book's ka10004 snapshot, the 0B
/// tape (newest first, coloured by trade direction, capped), the chart host's day bars handed to the browser and
/// its last bar moved by a trade, and the header's VI mark for exactly as long as the single-price period.
/// </summary>
public sealed class StockViewTests : IAsyncLifetime
{
    private const string Code = "005930";
    private const string ChartModule = "./_content/Dashboard.Web/Components/Market/CandleChart.razor.js";

    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;
    private BunitJSModuleInterop chartJs = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
            services.AddViWatch(new FakeViInterest(Code));
        });
        var module = bunit.JSInterop.SetupModule(ChartModule);
        module.Mode = JSRuntimeMode.Loose;
        chartJs = module.SetupModule(invocation => invocation.Identifier == "create");
        chartJs.Mode = JSRuntimeMode.Loose;

        session.FakeQueries.Answer("ka10001", _ => Decode<Ka10001Response>(
            """{"return_code":0,"return_msg":"ok","stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+70500","pred_pre":"+500","flu_rt":"+0.71","trde_qty":"1234567","base_pric":"70000","upl_pric":"91000","lst_pric":"49000","open_pric":"70100","high_pric":"+70900","low_pric":"-69800","mac":"4208000","per":"12.34","pbr":"1.15"}""",
            "ka10001"));
        session.FakeQueries.Answer("ka10004", _ => OrderBookViewTests.Snapshot());
        session.FakeQueries.Answer("ka10054", _ => ViWire.Decode<Ka10054Response>(ViWire.Ka10054(), "ka10054"));
        session.FakeQueries.Answer("ka10081", _ => Decode<Ka10081Response>(DayBars(), "ka10081"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void TheHeaderBookAndChartComeFromTheirSnapshots()
    {
        var page = Render();

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".order-book tr.book-ask").Count));
        Assert.Contains("삼성전자", page.Find(".stock-title").TextContent);
        Assert.Contains("70,500", page.Find(".stock-price").TextContent);
        Assert.Contains("+500 (+0.71%)", page.Find(".stock-quote").TextContent);
        // 4,208,000 억원 is 420,800 bn won (mac is in units of 100 million won).
        Assert.Contains("420,800 bn won", page.Find(".stock-info [data-field=market-cap]").TextContent);
        Assert.Equal(10, page.FindAll(".order-book tr.book-bid").Count);
        Assert.Contains("No trades yet", page.Find(".trades-empty").TextContent);
        // No ka10059 answer: the investors box says why, in the session's words.
        page.WaitForAssertion(() => Assert.Contains("The test gave no answer for ka10059", page.Find(".investors-error").TextContent));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find(".candle-chart").GetAttribute("data-bars")));
        var drawn = Assert.Single(chartJs.Invocations["setData"]);
        Assert.Equal(3, ((object[])drawn.Arguments[0]!).Length);
        Assert.Equal(70_500L, Field(((object[])drawn.Arguments[0]!)[^1], "close"));
    }

    [Fact]
    public async Task TradesRunDownTheTapeNewestFirstAndMoveTheChartsLastBar()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.Equal("3", page.Find(".candle-chart").GetAttribute("data-bars")));
        // The page's tape and the chart each opened their own lossless trade feed.
        await Eventually.TrueAsync(() => Tapes().Count == 2, TimeSpan.FromSeconds(5));

        Deliver(Trade(70_600, quantity: 15, "090001"));
        Deliver(Trade(70_400, quantity: -40, "090002"));

        await RendersAsync(() => page.FindAll(".trade-row").Count == 2);
        var newest = page.FindAll(".trade-row")[0];
        Assert.Contains("09:00:02", newest.TextContent);
        Assert.Contains("70,400", newest.TextContent);
        Assert.Contains("price-down", newest.QuerySelectorAll("td")[2].ClassName);
        Assert.Contains("price-up", page.FindAll(".trade-row")[1].QuerySelectorAll("td")[2].ClassName);
        Assert.Contains("70,400", page.Find(".stock-price").TextContent);

        // The chart gets the moved day bar: close at the last trade, the trades' volume added.
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return chartJs.Invocations["update"].Any(u => Equals(Field(u.Arguments[0]!, "close"), 70_400L));
            },
            TimeSpan.FromSeconds(10));
        var moved = chartJs.Invocations["update"][^1].Arguments[0]!;
        Assert.Equal(70_900L, Field(moved, "high"));
        Assert.Equal(9_000L + 15 + 40, Field(moved, "volume"));
    }

    [Fact]
    public async Task TheTapeKeepsTheNewestThirtyTrades()
    {
        var page = Render();
        await Eventually.TrueAsync(() => Tapes().Count == 2, TimeSpan.FromSeconds(5));

        for (var k = 0; k < 35; k++)
        {
            Deliver(Trade(70_000 + (k * 10), quantity: 1, $"0901{k:00}"));
        }

        await RendersAsync(() => page.FindAll(".trade-row").FirstOrDefault()?.TextContent.Contains("09:01:34", StringComparison.Ordinal) == true);
        Assert.Equal(30, page.FindAll(".trade-row").Count);
        Assert.Contains("09:01:05", page.FindAll(".trade-row")[^1].TextContent);
    }

    [Fact]
    public async Task TheHeaderSaysViForTheSinglePricePeriodOnly()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".order-book tr.book-ask").Count));
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.OfType<EventFeed<ViEvent>>().Any(), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll(".stock-vi-badge"));

        session.FakeFeeds.Deliver(ViWire.Push("000660", "SK하이닉스", bunit.Time));
        session.FakeFeeds.Deliver(ViWire.Push(Code, "삼성전자", bunit.Time, trigger: 77_000));

        // The header mark and the notice come from two events of the watch; wait for both.
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".stock-vi")));
        Assert.Single(page.FindAll(".stock-vi-badge"));
        // Another stock's VI is not this page's business.
        var notice = Assert.Single(page.FindAll(".stock-vi"));
        Assert.Contains("77,000", notice.TextContent);

        bunit.Time.Advance(TimeSpan.FromSeconds(121));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".stock-vi-badge")));
    }

    /// <summary>Live values render at most once per render interval: move the fake clock until <paramref name="shown"/> holds.</summary>
    private async Task RendersAsync(Func<bool> shown) =>
        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return shown();
            },
            TimeSpan.FromSeconds(10));

    private IRenderedComponent<StockView> Render() => bunit.Render<StockView>(p => p.Add(v => v.Code, Code));

    private List<EventFeed<Quote>> Tapes() => session.FakeFeeds.Opened.OfType<EventFeed<Quote>>().ToList();

    /// <summary>Hands the trade to every open 0B event feed, as the session's socket would.</summary>
    private void Deliver(RealtimeEvent trade)
    {
        foreach (var tape in Tapes())
        {
            ((IRealtimeSink)tape).Deliver(trade);
        }
    }

    private RealtimeEvent Trade(long price, long quantity, string time)
    {
        var sign = price >= 70_000 ? "+" : "-";
        var frame = $$$"""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"{{{Code}}}","values":{"20":"{{{time}}}","10":"{{{sign}}}{{{price}}}","11":"{{{sign}}}{{{Math.Abs(price - 70_000)}}}","12":"+0.10","13":"1234600","15":"{{{(quantity > 0 ? "+" : "")}}}{{{quantity}}}","25":"2"}}]}""";
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser(bunit.Time).Parse(Encoding.UTF8.GetBytes(frame), events, out var problem);
        Assert.Null(problem);
        return Assert.Single(events);
    }

    /// <summary>Three day bars ending today (the fake clock's Korea date), newest first as Kiwoom sends them.</summary>
    private string DayBars()
    {
        var today = Dashboard.Kiwoom.KoreaTime.Today(bunit.Time);
        string Day(int back) => today.AddDays(-back).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return $$"""
            {"stk_cd":"005930","stk_dt_pole_chart_qry":[
              {"cur_prc":"+70500","open_pric":"70100","high_pric":"+70900","low_pric":"-69800","trde_qty":"9000","dt":"{{Day(0)}}"},
              {"cur_prc":"70000","open_pric":"69500","high_pric":"70200","low_pric":"69400","trde_qty":"8000","dt":"{{Day(1)}}"},
              {"cur_prc":"69500","open_pric":"69000","high_pric":"69900","low_pric":"68800","trde_qty":"7000","dt":"{{Day(2)}}"}],
             "return_code":0,"return_msg":"ok"}
            """;
    }

    private static object? Field(object bar, string name) => bar.GetType().GetProperty(name)!.GetValue(bar);

    private static T Decode<T>(string json, string apiId)
        where T : Dashboard.Kiwoom.KiwoomResponse
    {
        var decoded = KiwoomJson.Decode<T>(Encoding.UTF8.GetBytes(json), apiId);
        Assert.True(decoded.IsSuccess, decoded.Error?.Message);
        return decoded.Value!;
    }
}
