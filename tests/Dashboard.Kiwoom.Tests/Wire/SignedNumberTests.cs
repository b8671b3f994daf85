using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class SignedNumberTests
{
    [Theory]
    [InlineData("-1700", -1700L)]
    [InlineData("+450", 450L)]
    [InlineData("0", 0L)]
    [InlineData(" 15", 15L)]
    [InlineData("-000000000000008", -8L)]
    public void SignIsArithmetic(string raw, long value)
    {
        var number = SignedNumber.Parse(raw);

        Assert.Equal(value, number.Value);
        Assert.False(number.IsMalformed);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("--5")]
    [InlineData("5-")]
    [InlineData("N")]
    public void NonIntegersAreKeptRawAndFlagged(string raw)
    {
        var number = SignedNumber.Parse(raw);

        Assert.Null(number.Value);
        Assert.True(number.IsMalformed);
        Assert.Equal(raw, number.Raw);
    }

    [Fact]
    public void FromWritesAnExplicitPlusSign()
    {
        Assert.Equal("+450", SignedNumber.From(450).Raw);
        Assert.Equal("-1700", SignedNumber.From(-1700).Raw);
        Assert.Equal("0", SignedNumber.From(0).Raw);
        Assert.Equal("-1,700", SignedNumber.From(-1700).ToString());
    }
}
