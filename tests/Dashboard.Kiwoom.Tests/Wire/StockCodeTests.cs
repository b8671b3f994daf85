using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class StockCodeTests
{
    [Theory]
    [InlineData("005930", "005930", StockVenue.Krx, "005930")]
    [InlineData("A005930", "005930", StockVenue.Krx, "005930")]
    [InlineData("005930_NX", "005930", StockVenue.Nextrade, "005930_NX")]
    [InlineData("005930_AL", "005930", StockVenue.Combined, "005930_AL")]
    [InlineData("00680K", "00680K", StockVenue.Krx, "00680K")]
    [InlineData("57JBHH", "57JBHH", StockVenue.Krx, "57JBHH")]
    [InlineData("J57JBHH", "57JBHH", StockVenue.Krx, "57JBHH")]
    [InlineData("M04020000", "M04020000", StockVenue.Krx, "M04020000")]
    [InlineData(" 005930", "005930", StockVenue.Krx, "005930")]
    [InlineData("A069500_NX", "069500", StockVenue.Nextrade, "069500_NX")]
    public void CodesKeepTheirVenueAndLoseTheTypePrefix(string raw, string code, StockVenue venue, string withVenue)
    {
        var stock = StockCode.Parse(raw);

        Assert.Equal(code, stock.Code);
        Assert.Equal(venue, stock.Venue);
        Assert.Equal(withVenue, stock.CodeWithVenue);
        Assert.Equal(raw, stock.Raw);
        Assert.False(stock.IsMalformed);
    }

    [Theory]
    [InlineData("0059 30")]
    [InlineData("005930_XX")]
    [InlineData("삼성전자")]
    [InlineData("_NX")]
    [InlineData("abc123")]
    [InlineData("0123456789ABC")]
    public void OddCodesAreKeptRawAndFlagged(string raw)
    {
        var stock = StockCode.Parse(raw);

        Assert.Null(stock.Code);
        Assert.True(stock.IsMalformed);
        Assert.Equal(raw, stock.Raw);
    }
}
