using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Vi;

namespace Dashboard.Web.Tests.Market;

/// <summary>VI on the order book: static trigger price marks, and while a VI lasts its trigger price and the single-price countdown.</summary>
public sealed class OrderBookViTests : IAsyncLifetime
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
    public void LevelsAtOrBeyondTheStaticTriggerPriceAreMarked()
    {
        // Base 64,000: a static VI triggers at 70,400 (+10%, on the 100-won step) and 57,600.
        var book = bunit.Render<OrderBookView>(p => p.Add(v => v.Code, "005930").Add(v => v.BasePrice, 64_000));

        book.WaitForAssertion(() => Assert.Equal(10, book.FindAll("tr.book-ask").Count));
        Assert.Equal("70400", book.Find(".book-vi-marks").GetAttribute("data-upper"));
        Assert.Equal("57600", book.Find(".book-vi-marks").GetAttribute("data-lower"));
        Assert.Contains("70,400", book.Find(".book-vi-marks").TextContent);
        // Asks run 70,100 .. 71,000: levels 4 (70,400) to 10 are in the static VI zone, 1-3 are not.
        Assert.Equal(7, book.FindAll("tr.book-ask.book-vi-up").Count);
        Assert.DoesNotContain("book-vi-up", book.Find("tr.book-ask[data-level='3']").ClassName);
        Assert.Contains("book-vi-up", book.Find("tr.book-ask[data-level='4']").ClassName);
        Assert.Empty(book.FindAll("tr.book-vi-down"));
        Assert.Empty(book.FindAll(".book-vi-active"));
    }

    [Fact]
    public async Task ATriggeredViShowsItsTriggerPriceAndCountsTheSinglePricePeriodDown()
    {
        var book = bunit.Render<OrderBookView>(p => p.Add(v => v.Code, "005930").Add(v => v.BasePrice, 70_000));
        book.WaitForAssertion(() => Assert.Equal(10, book.FindAll("tr.book-ask").Count));
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.OfType<EventFeed<Dashboard.Kiwoom.Realtime.ViEvent>>().Any(), TimeSpan.FromSeconds(5));

        session.FakeFeeds.Deliver(ViWire.Push("005930", "삼성전자", bunit.Time, trigger: 70_500, reference: 64_000));

        book.WaitForAssertion(() => Assert.Contains("2:00", book.Find(".book-vi-active").TextContent));
        Assert.Contains("70,500", book.Find(".book-vi-active").TextContent);
        Assert.Contains("book-vi-trigger", book.Find("tr.book-ask[data-level='5']").ClassName);
        // While a static VI lasts, its reference (64,000) places the marks, not the base price.
        Assert.Equal("70400", book.Find(".book-vi-marks").GetAttribute("data-upper"));

        bunit.Time.Advance(TimeSpan.FromSeconds(30));
        book.WaitForAssertion(() => Assert.Contains("1:30", book.Find(".book-vi-active").TextContent));

        bunit.Time.Advance(TimeSpan.FromSeconds(91));
        book.WaitForAssertion(() => Assert.Empty(book.FindAll(".book-vi-active")));
        Assert.Equal("77000", book.Find(".book-vi-marks").GetAttribute("data-upper"));
    }
}
