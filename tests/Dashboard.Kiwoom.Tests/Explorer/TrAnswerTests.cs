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

        // The overlay's erratum says what the guide leaves out: the 0.04 is a percentage (ka40004's, 0G's tracking error).
        Assert.Equal("+0.04%", Cell("trace_eor_rt"));
        Assert.Equal("+2,658.12", Cell("trace_cur_prc"));
        Assert.Equal("100,535", Cell("cur_prc").Split(' ')[0]);
    }

    [Fact]
    public void AnEtfNavIsAPriceWhoseSignIsItsDirection()
    {
        // The simulator's (and the catalog example's) "-54076.85" is a NAV of 54,076.85 below the day before.
        var answer = Decode(KiwoomCatalog.Default.ById["ka40003"],
            """{"etfdaly_trnsn":[{"cntr_dt":"20250124","nav":"-54076.85"},{"cntr_dt":"20250123","nav":"+54100.5"},{"cntr_dt":"20250122","nav":"54000.00"}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        var nav = table.Columns.ToList().FindIndex(c => c.Name == "nav");
        Assert.Equal(new TrCell("54,076.85 ▼", TrCellTone.Down, true, false), table.Rows[0][nav]);
        Assert.Equal(new TrCell("54,100.5 ▲", TrCellTone.Up, true, false), table.Rows[1][nav]);
        Assert.Equal(new TrCell("54,000.00", TrCellTone.None, true, false), table.Rows[2][nav]);
    }

    [Fact]
    public void AMinuteCandlesPriceLeftAsTextReadsLikeEveryOtherPrice()
    {
        var answer = Decode(KiwoomCatalog.Default.ById["ka10080"],
            """{"stk_min_pole_chart_qry":[{"cur_prc":"-70100","open_pric":"-70200","cntr_tm":"20250124153000"}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        TrCell Cell(string name) => table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal(new TrCell("70,100 ▼", TrCellTone.Down, true, false), Cell("cur_prc"));
        Assert.Equal(Cell("open_pric") with { Text = "70,100 ▼" }, Cell("cur_prc"));
    }

    [Fact]
    public void Ka10051sSectorIndexIsWrittenInPointsInEveryTable()
    {
        // The guide's example: 종합(KOSPI) "cur_prc": "+265381", "pred_pre": "+9030" is 2,653.81 points, up 90.30.
        var answer = Decode(KiwoomCatalog.Default.ById["ka10051"],
            """{"inds_netprps":[{"inds_cd":"001_AL","inds_nm":"종합(KOSPI)","cur_prc":"+265381","pred_pre":"+9030","flu_rt":"+3.52"},{"inds_cd":"002_AL","inds_nm":"대형주","cur_prc":"-265664","pred_pre":"-10690"}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        TrCell Cell(int row, string name) => table.Rows[row][table.Columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal(new TrCell("2,653.81 ▲", TrCellTone.Up, true, false), Cell(0, "cur_prc"));
        Assert.Equal(("+90.30", TrCellTone.Up), (Cell(0, "pred_pre").Text, Cell(0, "pred_pre").Tone));
        Assert.Equal(new TrCell("2,656.64 ▼", TrCellTone.Down, true, false), Cell(1, "cur_prc"));
        Assert.Equal(("-106.90", TrCellTone.Down), (Cell(1, "pred_pre").Text, Cell(1, "pred_pre").Tone));
    }

    [Theory]
    [InlineData("-54076.85", true, false, "54,076.85 ▼")]
    [InlineData("+265381", true, true, "2,653.81 ▲")]
    [InlineData(" 0.00", true, false, "0.00")]
    [InlineData("-279.63", false, false, "-279.63")]
    [InlineData("+1279.6", false, false, "+1,279.6")]
    [InlineData("-0.00", false, false, "0.00")]
    [InlineData("", true, false, "")]
    [InlineData("n/a", true, false, "n/a")]
    [InlineData("--3140", false, false, "--3140")]
    public void ASignedTextKeepsItsDecimalsAndShowsItsSignAsItsMeaning(string text, bool isDirection, bool hundredths, string expected) =>
        Assert.Equal(expected, TrCell.SignedText(text, isDirection, hundredths).Text);

    [Fact]
    public void IndexPointsLeftAsTextAreColouredByTheirSign()
    {
        // ka20003's all_inds_idex: the level's sign is its direction, the change's is arithmetic (the guide's example).
        var answer = Decode(KiwoomCatalog.Default.ById["ka20003"],
            """{"all_inds_idex":[{"stk_cd":"201","stk_nm":"KOSPI200","cur_prc":"-2393.33","pre_sig":"5","pred_pre":"-279.63","flu_rt":"-10.46"}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        TrCell Cell(string name) => table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal(new TrCell("2,393.33 ▼", TrCellTone.Down, true, false), Cell("cur_prc"));
        Assert.Equal(new TrCell("-279.63", TrCellTone.Down, true, false), Cell("pred_pre"));
    }

    [Fact]
    public void Ka40009sBareNavColumnsReadAsTheErrataSayRatesColouredPricesAndCountsPlainTheTrackingErrorAsASize()
    {
        // The guide gives ka40009's columns no unit and empty examples; overlay.json's errata give them their meaning, so
        // the CLI's table, the explorer and the ETF page read one answer the same way.
        var answer = Decode(KiwoomCatalog.Default.ById["ka40009"],
            """{"etfnavarray":[{"nav":"+53584.20","navpred_pre":"+354.95","navflu_rt":"0.67","trace_eor_rt":"0.04","dispty_rt":"-0.21","stkcnt":"133100","base_pric":"53225","for_rmnd_qty":"1200","repl_pric":"37250","conv_pric":"-53200","drstk":"","wonju_pric":""}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        TrCell Cell(string name) => table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal(new TrCell("53,584.20 ▲", TrCellTone.Up, true, false), Cell("nav"));
        Assert.Equal(new TrCell("+354.95", TrCellTone.Up, true, false), Cell("navpred_pre"));
        Assert.Equal(new TrCell("+0.67%", TrCellTone.Up, true, false), Cell("navflu_rt"));
        Assert.Equal(new TrCell("-0.21%", TrCellTone.Down, true, false), Cell("dispty_rt"));
        Assert.Equal(new TrCell("+0.04%", TrCellTone.None, true, false), Cell("trace_eor_rt"));
        Assert.Equal(new TrCell("133,100", TrCellTone.None, true, false), Cell("stkcnt"));
        Assert.Equal(new TrCell("53,225", TrCellTone.None, true, false), Cell("base_pric"));
        Assert.Equal(new TrCell("1,200", TrCellTone.None, true, false), Cell("for_rmnd_qty"));
        Assert.Equal(new TrCell("53,200 ▼", TrCellTone.Down, true, false), Cell("conv_pric"));
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public void AWeightIsAShareOfAWholeNeitherSignedNorColoured()
    {
        var holdings = Decode(KiwoomCatalog.Default.ById["kt00018"],
            """{"acnt_evlt_remn_indv_tot":[{"stk_cd":"A005930","prft_rt":"+12.50","poss_rt":"+25.00"}],"return_code":0,"return_msg":"ok"}""");
        var sectors = Decode(KiwoomCatalog.Default.ById["ka20003"],
            """{"all_inds_idex":[{"stk_cd":"013","stk_nm":"전기전자","flu_rt":"-0.40","wght":"+31.25"}],"return_code":0,"return_msg":"ok"}""");

        static TrCell Cell(TrAnswer answer, string name) =>
            answer.Lists[0].Rows[0][answer.Lists[0].Columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal(new TrCell("25.00%", TrCellTone.None, true, false), Cell(holdings, "poss_rt"));
        Assert.Equal(new TrCell("31.25%", TrCellTone.None, true, false), Cell(sectors, "wght"));

        // A return beside it is a move and stays one.
        Assert.Equal(new TrCell("+12.50%", TrCellTone.Up, true, false), Cell(holdings, "prft_rt"));
    }

    [Fact]
    public void VolumesAndAmountsTheGuideLeavesWithoutAUnitAreWrittenWithSeparators()
    {
        var answer = Decode(KiwoomCatalog.Default.ById["ka10030"],
            """{"tdy_trde_qty_upper":[{"stk_cd":"005930","opmr_trde_qty":"19033","opmr_trde_amt":"1234567","af_mkrt_trde_qty":"n/a"}],"return_code":0,"return_msg":"ok"}""");

        var table = Assert.Single(answer.Lists);
        TrCell Cell(string name) => table.Rows[0][table.Columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal(new TrCell("19,033", TrCellTone.None, true, false), Cell("opmr_trde_qty"));
        Assert.Equal(new TrCell("1,234,567", TrCellTone.None, true, false), Cell("opmr_trde_amt"));
        Assert.Equal("n/a", Cell("af_mkrt_trde_qty").Text);
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
