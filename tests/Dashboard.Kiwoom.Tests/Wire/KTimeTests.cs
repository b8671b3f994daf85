using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class KTimeTests
{
    [Theory]
    [InlineData("130747", 13, 7, 47)]
    [InlineData("13:20:37", 13, 20, 37)]
    [InlineData("090000", 9, 0, 0)]
    [InlineData("235959", 23, 59, 59)]
    public void BothClockFormsParse(string raw, int hour, int minute, int second)
    {
        var time = KTime.Parse(raw);

        Assert.Equal(new TimeOnly(hour, minute, second), time.Value);
        Assert.False(time.IsMalformed);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("")]
    [InlineData(null)]
    public void ZerosAndBlankMeanNoTime(string? raw)
    {
        var time = KTime.Parse(raw);

        Assert.Null(time.Value);
        Assert.False(time.IsMalformed);
    }

    [Theory]
    [InlineData("1307470")]
    [InlineData("240000")]
    [InlineData("126000")]
    [InlineData("1307")]
    [InlineData("13-07-47")]
    public void ASevenDigitOrImpossibleTimeIsKeptRawAndFlagged(string raw)
    {
        var time = KTime.Parse(raw);

        Assert.Null(time.Value);
        Assert.True(time.IsMalformed);
        Assert.Equal(raw, time.Raw);
    }
}
