using Dashboard.Kiwoom.Market;

namespace Dashboard.Kiwoom.Tests.Market;

public sealed class KrxTickSizeTests
{
    [Theory]
    [InlineData(1_999, 1)]
    [InlineData(2_000, 5)]
    [InlineData(4_995, 5)]
    [InlineData(5_000, 10)]
    [InlineData(19_990, 10)]
    [InlineData(20_000, 50)]
    [InlineData(49_950, 50)]
    [InlineData(50_000, 100)]
    [InlineData(199_900, 100)]
    [InlineData(200_000, 500)]
    [InlineData(499_500, 500)]
    [InlineData(500_000, 1_000)]
    [InlineData(1_234_000, 1_000)]
    public void StockStepFollowsTheUnified2023Table(long price, long tick) =>
        Assert.Equal(tick, KrxTickSize.For(KrxTickTable.Stock, price));

    [Fact]
    public void GoldMovesInTenWonSteps() => Assert.Equal(10, KrxTickSize.For(KrxTickTable.Gold, 150_000));

    [Theory]
    [InlineData(4_995, 5_000)]
    [InlineData(5_000, 5_010)]
    [InlineData(49_950, 50_000)]
    [InlineData(50_000, 50_100)]
    public void StepUpCrossesABoundaryWithTheLowerStep(long from, long to) =>
        Assert.Equal(to, KrxTickSize.StepUp(KrxTickTable.Stock, from));

    [Theory]
    [InlineData(5_000, 4_995)]
    [InlineData(5_010, 5_000)]
    [InlineData(50_000, 49_950)]
    [InlineData(1, 1)]
    public void StepDownUsesTheStepOfTheLowerPrice(long from, long to) =>
        Assert.Equal(to, KrxTickSize.StepDown(KrxTickTable.Stock, from));

    [Fact]
    public void BandIsThirtyPercentRoundedInwardsOntoTheStep()
    {
        // 70,000 × 1.3 = 91,000 (on the 100-won step); × 0.7 = 49,000 (on the 50-won step).
        Assert.Equal(91_000, KrxTickSize.UpperLimit(KrxTickTable.Stock, 70_000));
        Assert.Equal(49_000, KrxTickSize.LowerLimit(KrxTickTable.Stock, 70_000));

        // 15,550 × 1.3 = 20,215 → down to 20,200 (50-won step); × 0.7 = 10,885 → up to 10,890.
        Assert.Equal(20_200, KrxTickSize.UpperLimit(KrxTickTable.Stock, 15_550));
        Assert.Equal(10_890, KrxTickSize.LowerLimit(KrxTickTable.Stock, 15_550));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(4_995)]
    [InlineData(12_345)]
    [InlineData(61_000)]
    public void FundsTradeOnFiveWonStepsAtEveryPrice(long price) => Assert.Equal(5, KrxTickSize.For(KrxTickTable.Fund, price));

    [Fact]
    public void AnEtfPriceOffTheShareTableIsOnTheFundTable()
    {
        // 12,345 is off the share table (10-won step) but a valid ETF price.
        Assert.False(KrxTickSize.IsOnTick(KrxTickTable.Stock, 12_345));
        Assert.True(KrxTickSize.IsOnTick(KrxTickTable.Fund, 12_345));
        Assert.False(KrxTickSize.IsOnTick(KrxTickTable.Fund, 12_347));
        Assert.Equal(12_350, KrxTickSize.StepUp(KrxTickTable.Fund, 12_345));
        Assert.Equal(12_340, KrxTickSize.StepDown(KrxTickTable.Fund, 12_345));
    }

    [Fact]
    public void GoldBandIsTenPercent()
    {
        Assert.Equal(165_000, KrxTickSize.UpperLimit(KrxTickTable.Gold, 150_000));
        Assert.Equal(135_000, KrxTickSize.LowerLimit(KrxTickTable.Gold, 150_000));
    }

    [Theory]
    [InlineData("8", KrxTickTable.Fund)]
    [InlineData("60", KrxTickTable.Fund)]
    [InlineData("3", KrxTickTable.Fund)]
    [InlineData("80", KrxTickTable.Gold)]
    [InlineData("0", KrxTickTable.Stock)]
    [InlineData("10", KrxTickTable.Stock)]
    [InlineData(null, KrxTickTable.Stock)]
    public void MarketCodeChoosesTheTable(string? marketCode, KrxTickTable table) => Assert.Equal(table, KrxTickSize.ForMarketCode(marketCode));
}
