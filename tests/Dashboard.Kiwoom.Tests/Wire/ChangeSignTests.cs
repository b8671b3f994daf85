using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class ChangeSignTests
{
    [Theory]
    [InlineData("1", ChangeSignCode.UpperLimit, true, false)]
    [InlineData("2", ChangeSignCode.Up, true, false)]
    [InlineData("3", ChangeSignCode.Unchanged, false, false)]
    [InlineData("4", ChangeSignCode.LowerLimit, false, true)]
    [InlineData("5", ChangeSignCode.Down, false, true)]
    [InlineData(" 5", ChangeSignCode.Down, false, true)]
    public void CodesOneToFiveParse(string raw, ChangeSignCode code, bool up, bool down)
    {
        var sign = ChangeSign.Parse(raw);

        Assert.Equal(code, sign.Value);
        Assert.Equal(up, sign.IsUp);
        Assert.Equal(down, sign.IsDown);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("+")]
    [InlineData("22")]
    public void OtherCodesAreKeptRawAndFlagged(string raw)
    {
        var sign = ChangeSign.Parse(raw);

        Assert.Null(sign.Value);
        Assert.True(sign.IsMalformed);
    }
}
