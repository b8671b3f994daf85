using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class RateTests
{
    [Theory]
    [InlineData("+28.97", "28.97")]
    [InlineData("-0.24", "-0.24")]
    [InlineData("36.67", "36.67")]
    [InlineData("0.00", "0")]
    [InlineData(" 0.00", "0")]
    [InlineData("-43.8977", "-43.8977")]
    [InlineData("0", "0")]
    [InlineData("+0", "0")]
    [InlineData("12.5", "12.5")]
    public void DecimalRatesParse(string raw, string expected)
    {
        var rate = Rate.Parse(raw);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rate.Value);
        Assert.False(rate.IsMalformed);
    }

    [Theory]
    [InlineData("2897")]
    [InlineData("+3")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,5")]
    [InlineData("12.5%")]
    [InlineData("NaN")]
    public void RatesWithoutAPointOrOddNotationAreKeptRawAndFlagged(string raw)
    {
        var rate = Rate.Parse(raw);

        Assert.Null(rate.Value);
        Assert.True(rate.IsMalformed);
        Assert.Equal(raw, rate.Raw);
    }

    [Fact]
    public void FromAndToStringShowTheSign()
    {
        Assert.Equal("+1.25", Rate.From(1.25m).Raw);
        Assert.Equal("-0.50", Rate.From(-0.5m).Raw);
        Assert.Equal("+28.97%", Rate.Parse("+28.97").ToString());
    }
}
