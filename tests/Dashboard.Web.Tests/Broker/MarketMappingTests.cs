using Dashboard.Web.Broker;
using Dashboard.Web.Shell;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Broker;

public sealed class MarketMappingTests
{
    [Theory]
    [InlineData("-2394.49", 2394.49, PriceDirection.Down)]
    [InlineData("+845.10", 845.10, PriceDirection.Up)]
    [InlineData(" 2612.45", 2612.45, PriceDirection.Flat)]
    public void IndexSignIsTheDirectionNotArithmetic(string raw, double expected, PriceDirection direction)
    {
        Assert.True(MarketMapping.TryParseIndex(raw, out var value, out var parsedDirection));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(direction, parsedDirection);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-")]
    public void UnreadableIndexIsRefused(string? raw) => Assert.False(MarketMapping.TryParseIndex(raw, out _, out _));

    [Theory]
    [InlineData("001", "0")]
    [InlineData("013", "0")]
    [InlineData("101", "1")]
    [InlineData("201", "2")]
    public void SectorCodeChoosesTheKa20001Market(string code, string market) => Assert.Equal(market, MarketMapping.IndexMarket(code));

    [Theory]
    [InlineData("005930", true)]
    [InlineData("00680K", true)]
    [InlineData("5930", false)]
    [InlineData("00593a", false)]
    [InlineData("../x1", false)]
    public void StockCodesAreSixDigitsOrCapitals(string code, bool valid) => Assert.Equal(valid, MarketDefaults.IsStockCode(code));
}
