using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("0000000001", 1L)]
    [InlineData("000000000001", 1L)]
    [InlineData("000000000000008", 8L)]
    [InlineData("+1500", 1500L)]
    [InlineData("-000000000003", -3L)]
    [InlineData("393564", 393564L)]
    [InlineData(" 7 ", 7L)]
    public void ZeroPaddingAndSignsAreAccepted(string raw, long value)
    {
        var quantity = Quantity.Parse(raw);

        Assert.Equal(value, quantity.Value);
        Assert.False(quantity.IsMalformed);
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1.0")]
    [InlineData("x")]
    public void NonIntegersAreKeptRawAndFlagged(string raw)
    {
        var quantity = Quantity.Parse(raw);

        Assert.Null(quantity.Value);
        Assert.True(quantity.IsMalformed);
    }

    [Fact]
    public void EmptyIsNoQuantity()
    {
        Assert.False(Quantity.Parse("").HasValue);
        Assert.False(Quantity.Parse("").IsMalformed);
    }
}
