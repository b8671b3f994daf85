using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class KDateTests
{
    [Fact]
    public void EightDigitsAreADate()
    {
        var date = KDate.Parse("20241125");

        Assert.Equal(new DateOnly(2024, 11, 25), date.Value);
        Assert.Equal("2024-11-25", date.ToString());
    }

    [Theory]
    [InlineData("00000000")]
    [InlineData("")]
    [InlineData(null)]
    public void ZerosAndBlankMeanNoDate(string? raw)
    {
        var date = KDate.Parse(raw);

        Assert.Null(date.Value);
        Assert.False(date.IsMalformed);
    }

    [Theory]
    [InlineData("20241332")]
    [InlineData("2024-11-25")]
    [InlineData("241125")]
    [InlineData("202411250")]
    [InlineData("20240230")]
    public void InvalidDatesAreKeptRawAndFlagged(string raw)
    {
        var date = KDate.Parse(raw);

        Assert.Null(date.Value);
        Assert.True(date.IsMalformed);
        Assert.Equal(raw, date.Raw);
    }
}
