using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class MarketModelTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Fact]
    public void SameSeedGivesTheSameUniverse()
    {
        var a = MarketUniverse.Create(42, Day);
        var b = MarketUniverse.Create(42, Day);

        Assert.Equal(a.All.Select(i => (i.Code, i.Name, i.BasePrice)), b.All.Select(i => (i.Code, i.Name, i.BasePrice)));
        Assert.NotEqual(a.All.Select(i => i.Code), MarketUniverse.Create(43, Day).All.Select(i => i.Code));
    }

    [Fact]
    public async Task SameSeedAndClockGiveTheSameTape()
    {
        await using var one = await SimulatorHost.StartAsync(o => o.Seed = 7);
        await using var two = await SimulatorHost.StartAsync(o => o.Seed = 7);

        one.Control.Step(100);
        two.Control.Step(100);

        Assert.Equal(one.Market.Read(u => u.All.Select(i => (i.Last, i.Volume)).ToArray()), two.Market.Read(u => u.All.Select(i => (i.Last, i.Volume)).ToArray()));
    }

    [Fact]
    public void UniverseHasTheRealListingsAndEveryExampleCode()
    {
        var u = MarketUniverse.Create(1, Day);

        Assert.True(u.Stocks.Count >= 300);
        Assert.Equal("삼성전자", u.ByCode["005930"].Name);
        Assert.Equal("SK하이닉스", u.ByCode["000660"].Name);
        Assert.Equal("키움증권", u.ByCode["039490"].Name);
        Assert.Contains(u.Stocks, s => s.Market == "KOSDAQ");
        Assert.Contains(u.Stocks, s => s.Code.Any(char.IsAsciiLetter));
        Assert.Equal(50, u.All.Count(i => i.Kind == InstrumentKind.Etf));
        Assert.Equal(100, u.All.Count(i => i.Kind == InstrumentKind.Elw));
        Assert.Equal(20, u.Themes.Count);
        Assert.NotEmpty(u.Brokers);
        foreach (var tr in KiwoomCatalog.Default.Trs.Where(t => t.RequestExample.ValueKind == System.Text.Json.JsonValueKind.Object))
        {
            if (tr.RequestExample.TryGetProperty("stk_cd", out var code) && code.GetString() is { Length: > 0 } c)
            {
                Assert.True(u.Find(c) is not null, $"{tr.Id} example code {c} is not listed");
            }
        }
    }

    [Fact]
    public async Task PricesStayOnValidTicksInsideTheDailyBand()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.TradesPerStep = 500);
        sim.Control.Step(200);

        sim.Market.Read(u =>
        {
            foreach (var i in u.All)
            {
                Assert.True(TickSize.IsValid(i.Kind, i.Last), $"{i.Code} last {i.Last} is off tick");
                Assert.InRange(i.Last, i.LowerLimit, i.UpperLimit);
                Assert.True(i.High >= i.Last && i.Low <= i.Last);
                for (var level = 1; level < Instrument.BookDepth; level++)
                {
                    if (i.AskPrices[level] > 0)
                    {
                        Assert.True(i.AskPrices[level] > i.AskPrices[level - 1]);
                    }
                }
            }

            return 0;
        });
    }

    [Theory]
    [InlineData(1_999, 1)]
    [InlineData(2_000, 5)]
    [InlineData(19_990, 10)]
    [InlineData(20_000, 50)]
    [InlineData(199_900, 100)]
    [InlineData(200_000, 500)]
    [InlineData(500_000, 1_000)]
    public void KrxTickSizes(long price, long tick) => Assert.Equal(tick, TickSize.For(InstrumentKind.Stock, price));

    [Fact]
    public void DailyBandIsThirtyPercentOnTicks()
    {
        Assert.Equal(92_300, TickSize.UpperLimit(InstrumentKind.Stock, 71_000));
        Assert.Equal(49_700, TickSize.LowerLimit(InstrumentKind.Stock, 71_000));
    }

    [Fact]
    public void ElwGreeksAreConsistentWithItsPrice()
    {
        var terms = new ElwTerms("005930", 70_000, Day.AddDays(90), true, 0.1m, "KB");
        var atLow = ElwPricing.Evaluate(terms, 70_000, Day);
        var atHigh = ElwPricing.Evaluate(terms, 70_100, Day);

        Assert.InRange(atLow.Delta, 0.4, 0.7);
        var predicted = atLow.Price + atLow.Delta * 0.1 * 100;
        Assert.InRange(atHigh.Price, predicted - 2, predicted + 2);
    }
}
