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

/// <summary>The dynamic VI band on the book: 3% around the last trade for KOSPI200 members, 6% for others, none when membership is unknown or a VI is on.</summary>
public sealed class OrderBookDynamicViTests : IAsyncLifetime
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
        session.FakeQueries.Answer("ka10004", _ => OrderBookViewTests.Snapshot());
        session.FakeQueries.Answer("ka10054", _ => ViWire.Decode<Ka10054Response>(ViWire.Ka10054(), "ka10054"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void AKospi200MemberGetsAThreePercentBandAroundTheLastTrade()
    {
        AnswerKospi200("005930", "000660");

        // Last trade 70,000: +3% is 72,100, -3% is 67,900 (both on the 100-won step).
        var book = Render(lastPrice: 70_000);

        book.WaitForAssertion(() => Assert.Equal("72100", book.Find(".book-vi-dynamic").GetAttribute("data-upper")));
        Assert.Equal("67900", book.Find(".book-vi-dynamic").GetAttribute("data-lower"));
        Assert.Contains("Dynamic VI ±3%", book.Find(".book-vi-dynamic").TextContent);
        // Asks run 70,100 .. 71,000, bids 70,000 .. 69,100: all inside the band.
        Assert.Empty(book.FindAll("tr.book-vi-dyn-up, tr.book-vi-dyn-down"));

        // The band follows the last trade: at 68,900 its upper edge is 71,000 (+3% = 70,967 rounded up to the step).
        book.Render(p => p.Add(v => v.LastPrice, 68_900));
        Assert.Equal("71000", book.Find(".book-vi-dynamic").GetAttribute("data-upper"));
        Assert.Contains("book-vi-dyn-up", book.Find("tr.book-ask[data-level='10']").ClassName);
        Assert.DoesNotContain("book-vi-dyn-up", book.Find("tr.book-ask[data-level='9']").ClassName);
    }

    [Fact]
    public void AStockOutsideTheKospi200GetsSixPercent()
    {
        AnswerKospi200("000660");

        var book = Render(lastPrice: 70_000);

        book.WaitForAssertion(() => Assert.Equal("74200", book.Find(".book-vi-dynamic").GetAttribute("data-upper")));
        Assert.Equal("65800", book.Find(".book-vi-dynamic").GetAttribute("data-lower"));
        Assert.Equal("6", book.Find(".book-vi-dynamic").GetAttribute("data-percent"));
    }

    [Fact]
    public void NoBandIsGuessedWhenTheMembersCannotBeRead()
    {
        var book = Render(lastPrice: 70_000);

        book.WaitForAssertion(() => Assert.Equal(10, book.FindAll("tr.book-ask").Count));
        Assert.Contains(session.FakeQueries.Sent, r => r.Api.Id == "ka20002");
        Assert.Empty(book.FindAll(".book-vi-dynamic"));
    }

    [Fact]
    public async Task TheBandIsHiddenWhileAViLasts()
    {
        AnswerKospi200("005930");
        var book = Render(lastPrice: 70_000);
        book.WaitForAssertion(() => Assert.NotEmpty(book.FindAll(".book-vi-dynamic")));
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.OfType<EventFeed<ViEvent>>().Any(), TimeSpan.FromSeconds(5));

        session.FakeFeeds.Deliver(ViWire.Push("005930", "삼성전자", bunit.Time, isStatic: false, trigger: 72_100, reference: 70_000));

        book.WaitForAssertion(() => Assert.NotEmpty(book.FindAll(".book-vi-active")));
        Assert.Empty(book.FindAll(".book-vi-dynamic"));
        bunit.Time.Advance(TimeSpan.FromSeconds(121));
        book.WaitForAssertion(() => Assert.NotEmpty(book.FindAll(".book-vi-dynamic")));
    }

    private IRenderedComponent<OrderBookView> Render(long lastPrice) =>
        bunit.Render<OrderBookView>(p => p.Add(v => v.Code, "005930").Add(v => v.BasePrice, 70_000).Add(v => v.LastPrice, lastPrice));

    private void AnswerKospi200(params string[] codes)
    {
        var rows = string.Join(",", codes.Select(c => $$"""{"stk_cd":"{{c}}","stk_nm":"x","cur_prc":"+70000"}"""));
        var json = $$"""{"return_code":0,"return_msg":"ok","inds_stkpc":[{{rows}}]}""";
        session.FakeQueries.Answer("ka20002", _ =>
        {
            var decoded = KiwoomJson.Decode<Ka20002Response>(Encoding.UTF8.GetBytes(json), "ka20002");
            Assert.True(decoded.IsSuccess, decoded.Error?.Message);
            return decoded.Value!;
        });
    }
}
