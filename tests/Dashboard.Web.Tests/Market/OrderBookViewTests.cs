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

/// <summary>The order book against fakes of the broker boundary: the ka10004 snapshot, then 0D pushes.</summary>
public sealed class OrderBookViewTests : IAsyncLifetime
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
            services.AddViWatch(new FakeViInterest());
        });
        session.FakeQueries.Answer("ka10054", _ => ViWire.Decode<Ka10054Response>(ViWire.Ka10054(), "ka10054"));
        session.FakeQueries.Answer("ka10004", _ => Snapshot());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void TheSnapshotShowsTenLevelsEachSideWithTheBestPricesNextToEachOther()
    {
        var book = bunit.Render<OrderBookView>(p => p.Add(v => v.Code, "005930").Add(v => v.BasePrice, 70_000));

        book.WaitForAssertion(() => Assert.Equal(10, book.FindAll("tr.book-ask").Count));
        Assert.Equal(10, book.FindAll("tr.book-bid").Count);
        Assert.Contains("70,100", book.Find("tr.book-ask[data-level='1']").TextContent);
        Assert.Contains("70,000", book.Find("tr.book-bid[data-level='1']").TextContent);
        Assert.Contains("1,100", book.Find("tr.book-ask[data-level='1']").TextContent);
        Assert.Contains("price-up", book.Find("tr.book-ask[data-level='1'] .book-price-text").ClassName);
        Assert.Contains("55,000", book.Find("tr.book-totals").TextContent);
    }

    [Fact]
    public async Task AnOrderBookPushReplacesTheSnapshot()
    {
        var book = bunit.Render<OrderBookView>(p => p.Add(v => v.Code, "005930").Add(v => v.BasePrice, 70_000));
        book.WaitForAssertion(() => Assert.Contains("70,100", book.Find("tr.book-ask[data-level='1']").TextContent));

        session.FakeFeeds.Live<BookQuote>(RealtimeTypes.OrderBook).Publish(BookQuote.From(Push())!);

        await Eventually.TrueAsync(
            () =>
            {
                bunit.Time.Advance(TimeSpan.FromMilliseconds(100));
                return book.Find("tr.book-ask[data-level='1']").TextContent.Contains("70,200", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10));
        Assert.Contains("69,900", book.Find("tr.book-bid[data-level='1']").TextContent);
        Assert.Contains("Expected price 70,100", book.Find(".book-expected").TextContent);
    }

    [Fact]
    public void TappingAPriceHandsItToThePage()
    {
        long? chosen = null;
        var book = bunit.Render<OrderBookView>(p => p
            .Add(v => v.Code, "005930")
            .Add(v => v.OnPriceSelected, price => chosen = price));
        book.WaitForAssertion(() => Assert.NotEmpty(book.FindAll("button.book-price")));

        book.Find("tr.book-bid[data-level='3'] button.book-price").Click();

        Assert.Equal(69_800, chosen);
    }

    /// <summary>Asks 70,100 + 100n, bids 70,000 - 100n (n = 0..9), quantities 1,000 + 100(n+1).</summary>
    internal static Ka10004Response Snapshot()
    {
        var json = new StringBuilder("{\"return_code\":0,\"return_msg\":\"ok\",");
        for (var n = 1; n <= 10; n++)
        {
            var ask = n == 1 ? ("sel_fpr_bid", "sel_fpr_req") : ($"sel_{n}th_pre_bid", $"sel_{n}th_pre_req");
            var bid = n == 1 ? ("buy_fpr_bid", "buy_fpr_req") : ($"buy_{n}th_pre_bid", $"buy_{n}th_pre_req");
            json.Append($"\"{ask.Item1}\":\"+{70_000 + (100 * n)}\",\"{ask.Item2}\":\"{1_000 + (100 * n)}\",");
            json.Append($"\"{bid.Item1}\":\"{(n == 1 ? "" : "-")}{70_100 - (100 * n)}\",\"{bid.Item2}\":\"{1_000 + (100 * n)}\",");
        }

        json.Append("\"tot_sel_req\":\"55000\",\"tot_buy_req\":\"55000\"}");
        var decoded = KiwoomJson.Decode<Ka10004Response>(Encoding.UTF8.GetBytes(json.ToString()), "ka10004");
        Assert.True(decoded.IsSuccess, decoded.Error?.Message);
        return decoded.Value!;
    }

    /// <summary>A 0D push one tick higher than the snapshot, in the expected-price (auction) period.</summary>
    private static RealtimeEvent Push()
    {
        var values = new StringBuilder("\"21\":\"090001\",\"23\":\"70100\",\"24\":\"1500\"");
        for (var n = 1; n <= 10; n++)
        {
            values.Append($",\"{40 + n}\":\"+{70_100 + (100 * n)}\",\"{60 + n}\":\"{2_000 + n}\",\"{50 + n}\":\"-{70_000 - (100 * n)}\",\"{70 + n}\":\"{3_000 + n}\"");
        }

        var frame = """{"trnm":"REAL","data":[{"type":"0D","name":"주식호가잔량","item":"005930","values":{""" + values + "}}]}";
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser().Parse(Encoding.UTF8.GetBytes(frame), events, out var problem);
        Assert.Null(problem);
        return Assert.Single(events);
    }
}
