using System.Text;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Kiwoom.Tests.Explorer;

public sealed class TrAnswerTests
{
    private static readonly CatalogTr Chart = KiwoomCatalog.Default.ById["ka10081"];

    [Fact]
    public void ListRowsOfEveryPageBecomeOneTableWithTypedCells()
    {
        var answer = Decode(Chart, Page("-70100", "20250124"), Page("+71200", "20250123"));

        Assert.Equal(2, answer.Pages);
        var table = Assert.Single(answer.Lists);
        Assert.Equal("stk_dt_pole_chart_qry", table.Name);
        Assert.Equal(2, table.Rows.Count);
        var price = table.Columns.ToList().FindIndex(c => c.Name == "cur_prc");
        var date = table.Columns.ToList().FindIndex(c => c.Name == "dt");
        Assert.Equal("현재가", table.Columns[price].NameKo);
        Assert.Equal(new TrCell("70,100 ▼", TrCellTone.Down, true, false), table.Rows[0][price]);
        Assert.Equal(new TrCell("71,200 ▲", TrCellTone.Up, true, false), table.Rows[1][price]);
        Assert.Equal("2025-01-24", table.Rows[0][date].Text);
        Assert.Equal("0", answer.Fields.Single(f => f.Field.Name == "return_code").Value.Text);
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public void AValueThatDoesNotFitItsTypeStaysRawAndIsAWarning()
    {
        var answer = Decode(Chart, Page("70,100", "20250124"));

        var table = Assert.Single(answer.Lists);
        var cell = table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == "cur_prc")];
        Assert.True(cell.IsMalformed);
        Assert.Contains("70,100", cell.Text);
        Assert.Equal("stk_dt_pole_chart_qry[0].cur_prc", Assert.Single(answer.Warnings).Field);
    }

    [Fact]
    public void FieldsTheCatalogDoesNotListAreShownAndMarked()
    {
        var answer = Decode(KiwoomCatalog.Default.ById["ka10001"],
            """{"stk_cd":"005930","stk_nm":"삼성전자","new_thing":"42","return_code":0,"return_msg":"정상적으로 처리되었습니다"}""");

        var extra = answer.Fields.Single(f => f.Field.Name == "new_thing");
        Assert.False(extra.Field.InCatalog);
        Assert.Equal("42", extra.Value.Text);
        Assert.Equal("종목명", answer.Fields.Single(f => f.Field.Name == "stk_nm").Field.NameKo);
    }

    [Fact]
    public void RepeatedRowsKeepTheirWireNameButTheKoreanHeaderLosesTheGuidesRowMark()
    {
        var answer = Decode(KiwoomCatalog.Default.ById["ka20009"],
            """{"cur_prc":"+2650.12","inds_cur_prc_daly_rept":[{"dt_n":"20250124","cur_prc_n":"+265012"}],"return_code":0,"return_msg":"ok"}""");

        var columns = Assert.Single(answer.Lists).Columns;
        Assert.Equal(("dt_n", "일자"), (columns.Single(c => c.Name == "dt_n").Name, columns.Single(c => c.Name == "dt_n").NameKo));
        Assert.Equal("현재가", columns.Single(c => c.Name == "cur_prc_n").NameKo);
        Assert.DoesNotContain(KiwoomCatalog.Default.Trs.SelectMany(tr => tr.Response).SelectMany(f => (f.Fields ?? []).Prepend(f)),
            f => TrAnswer.Label(f).EndsWith('n') && f.Name.EndsWith("_n", StringComparison.Ordinal));
    }

    [Fact]
    public void ValuesTheGuideSendsTimesAHundredAreShownWithTheirDecimals()
    {
        // ka40003's trace_eor_rt: "Value x100 with the decimal point removed, e.g. "2658" means 26.58".
        var answer = Decode(KiwoomCatalog.Default.ById["ka40003"],
            """{"etfdaly_trnsn":[{"cntr_dt":"20250124","cur_prc":"100535","trace_eor_rt":"4","trace_cur_prc":"+265812","nav":"100500.12"}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        string Cell(string name) => table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == name)].Text;
        Assert.Equal("0.04", Cell("trace_eor_rt"));
        Assert.Equal("+2,658.12", Cell("trace_cur_prc"));
        Assert.Equal("100,535", Cell("cur_prc").Split(' ')[0]);
    }

    [Fact]
    public void AChangeSignIsItsMarkNotItsEnglishName()
    {
        var answer = Decode(Chart, Page("-70100", "20250124"));

        var table = Assert.Single(answer.Lists);
        var sign = table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == "pred_pre_sig")];
        Assert.Equal(new TrCell("▼", TrCellTone.Down, false, false), sign);
    }

    [Theory]
    [InlineData("265,381 ▲", "2,653.81 ▲")]
    [InlineData("+9,030", "+90.30")]
    [InlineData("-4", "-0.04")]
    [InlineData("n/a", "n/a")]
    public void HundredthsKeepTheSignAndTheDirectionMark(string text, string expected) =>
        Assert.Equal(expected, new TrCell(text, TrCellTone.None, false, false).Hundredths().Text);

    [Fact]
    public void ABodyThatIsNotAnAnswerIsAnErrorNotATable()
    {
        var result = TrAnswer.Decode(Chart, [Encoding.UTF8.GetBytes("<html>")]);

        Assert.False(result.IsSuccess);
    }

    private static TrAnswer Decode(CatalogTr tr, params string[] bodies)
    {
        var result = TrAnswer.Decode(tr, bodies.Select(b => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(b)));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static string Page(string price, string date) => $$"""
        {"stk_cd":"005930","stk_dt_pole_chart_qry":[{"cur_prc":"{{price}}","trde_qty":"9263135","dt":"{{date}}","pred_pre":"-600","pred_pre_sig":"5","trde_tern_rt":"+0.16"}],
         "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
        """;
}
