using Bunit;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Market;

/// <summary>
/// The browser benchmark's measurement markup (the emit time beside the price) exists only when the
/// benchmark turns it on: a deployment's pages never carry it.
/// </summary>
public sealed class OverviewEmitMarkupTests
{
    private static readonly DateTimeOffset Emitted = new(2026, 12, 3, 6, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task ThePriceCellHasNoEmitTimeByDefault()
    {
        await using var bunit = Context(measurement: null);
        var page = bunit.Render<MarketOverview>();

        page.WaitForAssertion(() => Assert.Contains("70,000", page.Find("tr.market-quote[data-code='005930']").TextContent));
        Assert.Empty(page.FindAll("[data-emit]"));
        Assert.DoesNotContain("data-emit", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMeasurementModeThePriceCellCarriesTheEmitTimeInUnixMilliseconds()
    {
        await using var bunit = Context(measurement: true);
        var page = bunit.Render<MarketOverview>();

        page.WaitForAssertion(() => Assert.Contains("70,000", page.Find("tr.market-quote[data-code='005930']").TextContent));
        var cell = page.Find("tr.market-quote[data-code='005930'] td.market-price");
        Assert.Equal(Emitted.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetAttribute("data-emit"));
    }

    private static DashboardTestContext Context(bool? measurement)
    {
        var session = new FakeBrokerSession();
        session.FakeMarket.Quotes["005930"] = new Quote(
            "005930", "삼성전자", 70_000, PriceDirection.Up, 100, 0.14m, 1_000, 1, null, Emitted, FromSnapshot: false) { EmittedAt = Emitted };
        return new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            var options = services.AddOptions<BrokerOptions>();
            if (measurement is { } on)
            {
                options.Configure(o => o.EmitTimesInMarkupForBenchmark = on);
            }
        });
    }
}
