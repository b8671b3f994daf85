using Dashboard.Kiwoom.Cli.Output;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class TextTableTests
{
    [Theory]
    [InlineData("005930", 6)]
    [InlineData("삼성전자", 8)]
    [InlineData("현재가 (KRW)", 12)]
    [InlineData("ＡＢ", 4)]
    [InlineData("70,100 ▼", 8)]
    [InlineData("", 0)]
    public void WideCharactersCountAsTwoColumns(string text, int columns) =>
        Assert.Equal(columns, DisplayWidth.Of(text));

    [Fact]
    public void ColumnsLineUpAfterKoreanTextAndNumericColumnsAlignRight()
    {
        var table = new TextTable(["code", "name", "price"]);
        table.Add("005930", "삼성전자", "70,100");
        table.Add("000660", "SK하이닉스", "185,000");
        var sink = new StringWriter();

        table.WriteTo(sink);

        var lines = sink.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "  code  name          price",
            "------  ----------  -------",
            "005930  삼성전자     70,100",
            "000660  SK하이닉스  185,000",
        ],
            lines);
    }

    [Fact]
    public void LineBreaksInsideAValueDoNotTearTheTable()
    {
        var table = new TextTable(["a", "b"]);
        table.Add("x\ny", "z");
        var sink = new StringWriter();

        table.WriteTo(sink);

        Assert.Equal(3, sink.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
