using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

public sealed class KrxPricesTests
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
        Assert.Equal(tick, KrxPrices.TickFor(OrderProduct.Stock, price));

    [Fact]
    public void GoldMovesInTenWonSteps() => Assert.Equal(10, KrxPrices.TickFor(OrderProduct.Gold, 150_000));

    [Theory]
    [InlineData(4_995, 5_000)]
    [InlineData(5_000, 5_010)]
    [InlineData(49_950, 50_000)]
    [InlineData(50_000, 50_100)]
    public void StepUpCrossesABoundaryWithTheLowerStep(long from, long to) =>
        Assert.Equal(to, KrxPrices.StepUp(OrderProduct.Stock, from));

    [Theory]
    [InlineData(5_000, 4_995)]
    [InlineData(5_010, 5_000)]
    [InlineData(50_000, 49_950)]
    [InlineData(1, 1)]
    public void StepDownUsesTheStepOfTheLowerPrice(long from, long to) =>
        Assert.Equal(to, KrxPrices.StepDown(OrderProduct.Stock, from));

    [Fact]
    public void BandIsThirtyPercentRoundedInwardsOntoTheStep()
    {
        // 70,000 × 1.3 = 91,000 (on the 100-won step); × 0.7 = 49,000 (on the 50-won step).
        Assert.Equal(91_000, KrxPrices.UpperLimit(OrderProduct.Stock, 70_000));
        Assert.Equal(49_000, KrxPrices.LowerLimit(OrderProduct.Stock, 70_000));

        // 15,550 × 1.3 = 20,215 → down to 20,200 (50-won step); × 0.7 = 10,885 → up to 10,890.
        Assert.Equal(20_200, KrxPrices.UpperLimit(OrderProduct.Stock, 15_550));
        Assert.Equal(10_890, KrxPrices.LowerLimit(OrderProduct.Stock, 15_550));
    }
}
