using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class SignedPriceTests
{
    [Theory]
    [InlineData("-20800", 20800L, PriceDirection.Down)]
    [InlineData("+206000", 206000L, PriceDirection.Up)]
    [InlineData("20850", 20850L, PriceDirection.Flat)]
    [InlineData(" 67300", 67300L, PriceDirection.Flat)]
    [InlineData("0", 0L, PriceDirection.Flat)]
    [InlineData("-0000020800", 20800L, PriceDirection.Down)]
    [InlineData("+9223372036854775807", long.MaxValue, PriceDirection.Up)]
    public void SignIsADirectionAndTheValueIsTheAbsolutePrice(string raw, long value, PriceDirection direction)
    {
        var price = SignedPrice.Parse(raw);

        Assert.Equal(value, price.Value);
        Assert.Equal(direction, price.Direction);
        Assert.False(price.IsMalformed);
        Assert.Equal(raw, price.Raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void BlankMeansNoPriceNotZero(string? raw)
    {
        var price = SignedPrice.Parse(raw);

        Assert.Null(price.Value);
        Assert.False(price.HasValue);
        Assert.False(price.IsMalformed);
    }

    [Theory]
    [InlineData("20,800")]
    [InlineData("20800.5")]
    [InlineData("+-100")]
    [InlineData("- 100")]
    [InlineData("abc")]
    [InlineData("+")]
    [InlineData("99999999999999999999")]
    [InlineData("1e5")]
    public void AnythingElseIsKeptRawAndFlagged(string raw)
    {
        var price = SignedPrice.Parse(raw);

        Assert.Null(price.Value);
        Assert.True(price.IsMalformed);
        Assert.Equal(raw, price.Raw);
        Assert.Contains(raw, price.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromBuildsTheWireForm()
    {
        Assert.Equal("-20800", SignedPrice.From(20800, PriceDirection.Down).Raw);
        Assert.Equal("+20800", SignedPrice.From(20800, PriceDirection.Up).Raw);
        Assert.Equal("20800", SignedPrice.From(20800, PriceDirection.Flat).Raw);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignedPrice.From(-1, PriceDirection.Flat));
    }

    [Fact]
    public void ToStringShowsTheReadableValue()
    {
        Assert.Equal("20,800 ▼", SignedPrice.Parse("-20800").ToString());
        Assert.Equal("20,800 ▲", SignedPrice.Parse("+20800").ToString());
        Assert.Equal(string.Empty, SignedPrice.Parse("").ToString());
    }

    [Fact]
    public void APushedPriceIsTheSameValueAsAParsedOne()
    {
        // The realtime parser builds prices from bytes without keeping a string; a REST response
        // parses them from text. Both are one type, so a page can compare a snapshot with a tick.
        var pushed = new SignedPrice(20800, PriceDirection.Down);

        Assert.Equal(SignedPrice.Parse("-20800"), pushed);
        Assert.Equal(SignedPrice.Parse("-0020800"), pushed);
        Assert.Equal(SignedPrice.Parse("-20800").GetHashCode(), pushed.GetHashCode());
        Assert.NotEqual(SignedPrice.Parse("+20800"), pushed);
        Assert.NotEqual(SignedPrice.Parse("-20801"), pushed);
        Assert.Equal("-20800", pushed.Raw);
        Assert.Equal("20,800 ▼", pushed.ToString());
        Assert.True(pushed.HasValue);
        Assert.False(pushed.IsMalformed);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignedPrice(-1, PriceDirection.Flat));
    }

    [Fact]
    public void UnparsedPricesCompareByTheirText()
    {
        Assert.Equal(SignedPrice.Parse("70,200"), SignedPrice.Parse("70,200"));
        Assert.NotEqual(SignedPrice.Parse("70,200"), SignedPrice.Parse("70.200"));
        Assert.NotEqual(SignedPrice.Parse("70,200"), SignedPrice.Parse(""));
    }
}
