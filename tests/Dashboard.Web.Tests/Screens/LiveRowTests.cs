using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Market.Screens;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Screens;

/// <summary>A screen row gone live writes its price, change and rate as every live cell does, from the shared texts.</summary>
public sealed class LiveRowTests
{
    [Theory]
    [InlineData(71_000L, PriceDirection.Down, -500L, -0.70, "71,000", "-500", "-0.70%")]
    [InlineData(1_234_000L, PriceDirection.Up, 12_000L, 0.98, "1,234,000", "+12,000", "+0.98%")]
    [InlineData(5_000L, PriceDirection.Flat, 0L, 0.0, "5,000", "0", "0.00%")]
    public void AStockRowReadsLikeEveryLiveCell(long price, PriceDirection direction, long change, double rate, string priceText, string changeText, string rateText)
    {
        var row = LiveRow.Of(Quote(price, direction, change, (decimal)rate));

        Assert.Equal((priceText, changeText, rateText), (row.Price, row.Change, row.Rate));
    }

    [Fact]
    public void AStockRowsTextsAreTheProcessWideLiveTextsNotCopiesOfItsOwn()
    {
        // Two circuits showing the same trade hold one string per value, not one each per render.
        var row = LiveRow.Of(Quote(70_900, PriceDirection.Down, -1_100, -1.53m));

        Assert.Same(LiveText.Price(70_900), row.Price);
        Assert.Same(LiveText.SignedWon(-1_100), row.Change);
        Assert.Same(LiveText.Rate(-1.53m), row.Rate);
    }

    private static Quote Quote(long price, PriceDirection direction, long change, decimal rate) =>
        new("005930", "삼성전자", price, direction, change, rate, 1_000, null, null, DateTimeOffset.UnixEpoch, FromSnapshot: false);
}
