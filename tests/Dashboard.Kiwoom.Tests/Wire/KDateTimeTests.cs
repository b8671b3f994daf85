using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class KDateTimeTests
{
    [Fact]
    public void FourteenDigitsAreKoreaWallClockTime()
    {
        var stamp = KDateTime.Parse("20241107083713");

        Assert.Equal(new DateTime(2024, 11, 7, 8, 37, 13), stamp.Value);
        Assert.Equal(new DateTimeOffset(2024, 11, 6, 23, 37, 13, TimeSpan.Zero), stamp.KoreaTime);
    }

    [Theory]
    [InlineData("00000000000000")]
    [InlineData("")]
    public void ZerosAndBlankMeanNone(string raw)
    {
        Assert.Null(KDateTime.Parse(raw).Value);
        Assert.False(KDateTime.Parse(raw).IsMalformed);
    }

    [Theory]
    [InlineData("2024110708371")]
    [InlineData("20241107253713")]
    [InlineData("2024-11-07T08:37:13")]
    public void OtherShapesAreKeptRawAndFlagged(string raw)
    {
        var stamp = KDateTime.Parse(raw);

        Assert.Null(stamp.Value);
        Assert.True(stamp.IsMalformed);
    }
}
