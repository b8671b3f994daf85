using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class AmountTests
{
    [Theory]
    [InlineData("000000017598258", 17598258L)]
    [InlineData("000000000000000", 0L)]
    [InlineData("-000000000000318", -318L)]
    [InlineData("10582466", 10582466L)]
    [InlineData("+000003915500", 3915500L)]
    public void ZeroPaddedAmountsParse(string raw, long value)
    {
        var amount = Amount.Parse(raw);

        Assert.Equal(value, amount.Value);
        Assert.False(amount.IsMalformed);
    }

    [Theory]
    [InlineData("17,598,258")]
    [InlineData("1e9")]
    [InlineData("0x10")]
    public void OtherNotationsAreKeptRawAndFlagged(string raw)
    {
        var amount = Amount.Parse(raw);

        Assert.Null(amount.Value);
        Assert.True(amount.IsMalformed);
        Assert.Equal(raw, amount.Raw);
    }

    [Fact]
    public void ToStringGroupsThousands() => Assert.Equal("17,598,258", Amount.Parse("000000017598258").ToString());
}
