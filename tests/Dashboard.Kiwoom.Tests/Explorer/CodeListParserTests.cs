using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Kiwoom.Tests.Explorer;

public sealed class CodeListParserTests
{
    [Theory]
    [InlineData("Market type: 000:all, 001:KOSPI, 101:KOSDAQ", "000,001,101")]
    [InlineData("Trade type. 1: sell, 2: buy. Example: 2", "1,2")]
    [InlineData("Period: 0:today, 1:previous day, 5:5 days", "0,1,5")]
    [InlineData("Market session type: Session: 0:all, 1:regular session", "0,1")]
    [InlineData("Domestic exchange type. %: all, KRX: Korea Exchange, NXT: Nextrade. Example: %", "%,KRX,NXT")]
    public void ReadsAClosedListOfCodesOutOfTheDescription(string description, string codes)
    {
        var list = CodeListParser.Parse(description);

        Assert.True(list.Closed);
        Assert.Equal(codes.Split(','), list.Codes.Select(c => c.Value));
    }

    [Theory]
    [InlineData("Stock code: exchange-specific stock code (KRX:039490, NXT:039490_NX, SOR:039490_AL)")]
    [InlineData("Underlying asset code. all: 000000000000, KOSPI200: 201, KOSDAQ150: 150. Example: 000000000000")]
    [InlineData("Trade type: 0:net buy (only value documented)")]
    [InlineData("Base date. YYYYMMDD. Example: 20241125")]
    public void ValueExamplesAndSingleCodesAreNotACodeList(string description)
    {
        Assert.Empty(CodeListParser.Parse(description).Codes);
    }

    [Fact]
    public void AListThatPointsElsewhereForOtherCodesStaysOpen()
    {
        var list = CodeListParser.Parse("Sector code. 001: KOSPI composite, 002: large cap, 101: KOSDAQ composite; others: see the sector code list (ka10101). Example: 001");

        Assert.False(list.Closed);
    }

    [Fact]
    public void ProseAfterTheLastLabelIsNotPartOfIt()
    {
        var list = CodeListParser.Parse("Period: 1:previous day, 4:5 days, 119:120 days. To query by strt_dt/end_dt instead, set dt to empty string ('')");

        Assert.Equal("120 days", list.Codes[^1].Label);
    }
}
