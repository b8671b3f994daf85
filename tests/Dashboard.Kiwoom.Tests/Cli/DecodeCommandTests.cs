using System.Text.Json;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class DecodeCommandTests
{
    // Shaped like the guide's kt00018 answer: zero-padded signed amounts, A-prefixed codes.
    private const string BalanceBody = """
        {"tot_pur_amt":"000000017598258","tot_evlt_amt":"000000025789500","tot_evlt_pl":"-00000000123456",
         "tot_prft_rt":"-0.70","prsm_dpst_aset_amt":"000000024532487","tot_loan_amt":"000000000000000",
         "tot_crd_loan_amt":"000000000000000","tot_crd_ls_amt":"000000000000000",
         "acnt_evlt_remn_indv_tot":[{"stk_cd":"A005930","stk_nm":"삼성전자","evltv_prft":"-00000000196888",
           "prft_rt":"-52.71","pur_pric":"000000000124500","pred_close_pric":"000000045050",
           "rmnd_qty":"000000000000003","trde_able_qty":"000000000000003","cur_prc":"000000059000",
           "poss_rt":"+25.00","crd_tp":"00","crd_tp_nm":"","crd_loan_dt":"20250115"}],
         "return_code":0,"return_msg":"조회가 완료되었습니다"}
        """;

    private const string ChartBody = """
        {"stk_cd":"005930","stk_dt_pole_chart_qry":[{"cur_prc":"-70100","trde_qty":"9263135","trde_prica":"648525",
          "dt":"20250124","open_pric":"+71000","high_pric":"+71500","low_pric":"-70000","pred_pre":"-600",
          "pred_pre_sig":"5","trde_tern_rt":"+0.16"}],
         "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
        """;

    [Fact]
    public async Task ZeroPaddedSignedAmountsBecomeNumbersAndThePrefixAIsDropped()
    {
        var run = await CliRun.RunAsync(["decode", "kt00018"], BalanceBody);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("return_code").GetInt32());
        Assert.Equal(17598258, root.GetProperty("tot_pur_amt").GetInt64());
        Assert.Equal(-123456, root.GetProperty("tot_evlt_pl").GetInt64());
        Assert.Equal(-0.70m, root.GetProperty("tot_prft_rt").GetDecimal());
        var holding = root.GetProperty("acnt_evlt_remn_indv_tot")[0];
        Assert.Equal("005930", holding.GetProperty("stk_cd").GetString());
        Assert.Equal("삼성전자", holding.GetProperty("stk_nm").GetString());
        Assert.Equal(3, holding.GetProperty("rmnd_qty").GetInt64());
        Assert.Equal(-196888, holding.GetProperty("evltv_prft").GetInt64());
        Assert.Equal(25.00m, holding.GetProperty("poss_rt").GetDecimal());
        Assert.Equal("2025-01-15", holding.GetProperty("crd_loan_dt").GetString());
    }

    [Fact]
    public async Task DirectionSignedPricesKeepTheirMagnitudeAndNameTheDirection()
    {
        var run = await CliRun.RunAsync(["decode", "ka10081"], ChartBody);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var day = json.RootElement.GetProperty("stk_dt_pole_chart_qry")[0];
        Assert.Equal(70100, day.GetProperty("cur_prc").GetProperty("value").GetInt64());
        Assert.Equal("Down", day.GetProperty("cur_prc").GetProperty("direction").GetString());
        Assert.Equal(71000, day.GetProperty("open_pric").GetProperty("value").GetInt64());
        Assert.Equal("Up", day.GetProperty("open_pric").GetProperty("direction").GetString());

        // A change is arithmetic: its sign is applied.
        Assert.Equal(-600, day.GetProperty("pred_pre").GetInt64());
        Assert.Equal("Down", day.GetProperty("pred_pre_sig").GetString());
        Assert.Equal(0.16m, day.GetProperty("trde_tern_rt").GetDecimal());
        Assert.Equal(JsonValueKind.Number, day.GetProperty("trde_qty").ValueKind);
        Assert.Equal("2025-01-24", day.GetProperty("dt").GetString());
    }

    [Fact]
    public async Task AnOddValueIsKeptRawWithAWarningOnStandardErrorAndExitZero()
    {
        var body = ChartBody.Replace("\"-70100\"", "\"70,100\"", StringComparison.Ordinal);

        var run = await CliRun.RunAsync(["decode", "ka10081"], body);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("70,100", json.RootElement.GetProperty("stk_dt_pole_chart_qry")[0].GetProperty("cur_prc").GetString());
        var warning = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("warning: ka10081 stk_dt_pole_chart_qry[0].cur_prc: '70,100'", warning);
    }

    [Fact]
    public async Task AFieldTheCatalogDoesNotListIsKeptAndReported()
    {
        var body = ChartBody.Replace("\"stk_cd\"", "\"new_fld\":\"x\",\"stk_cd\"", StringComparison.Ordinal);

        var run = await CliRun.RunAsync(["decode", "ka10081"], body);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("x", json.RootElement.GetProperty("new_fld").GetString());
        Assert.Contains("new_fld", run.Stderr);
    }

    [Fact]
    public async Task TheTableFormShowsKoreanNamesAndReadableValues()
    {
        var run = await CliRun.RunAsync(["decode", "ka10081", "--table"], ChartBody);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stk_dt_pole_chart_qry", run.Stdout);
        Assert.Contains("70,100 ▼", run.Stdout);
        Assert.Contains("2025-01-24", run.Stdout);
    }

    [Fact]
    public async Task TheTableFormReadsTheColumnsTheCatalogErrataCorrect()
    {
        const string navs = """
            {"etfnavarray":[{"nav":"+53584.20","navpred_pre":"+354.95","navflu_rt":"0.67","trace_eor_rt":"0.04","dispty_rt":"-0.21","base_pric":"53225"}],
             "return_code":0,"return_msg":"ok"}
            """;

        var etf = await CliRun.RunAsync(["decode", "ka40009", "--table"], navs);
        var balance = await CliRun.RunAsync(["decode", "kt00018", "--table"], BalanceBody);

        Assert.True(etf.ExitCode == 0 && etf.Stderr.Length == 0, etf.ToString());
        var row = etf.Stdout.Split('\n').Single(l => l.Contains("53,584.20", StringComparison.Ordinal));
        Assert.Equal(["53,584.20 ▲", "+354.95", "+0.67%", "+0.04%", "-0.21%", "53,225"], Cells(row));
        Assert.Equal(0, balance.ExitCode);
        var holding = balance.Stdout.Split('\n').Single(l => l.Contains("삼성전자", StringComparison.Ordinal));
        Assert.Contains("25.00%", Cells(holding));
        Assert.DoesNotContain("+25.00%", Cells(holding));
    }

    private static string[] Cells(string tableRow) =>
        tableRow.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToArray();

    [Fact]
    public async Task ChartTimesBecomeKoreaTimeInIso8601()
    {
        const string body = """
            {"stk_cd":"005930","stk_min_pole_chart_qry":[{"cur_prc":"-78800","trde_qty":"7913","cntr_tm":"20250124153000",
              "open_pric":"-78800","high_pric":"-78800","low_pric":"-78800","acc_trde_qty":"14947571","pred_pre":"-600","pred_pre_sig":"5"}],
             "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """;

        var run = await CliRun.RunAsync(["decode", "ka10080"], body);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2025-01-24T15:30:00+09:00", json.RootElement.GetProperty("stk_min_pole_chart_qry")[0].GetProperty("cntr_tm").GetString());
    }

    [Fact]
    public async Task TheAnswerOfAnotherTrDecodesWithAWarning()
    {
        var run = await CliRun.RunAsync(["decode", "ka10001"], BalanceBody);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is it the answer of another TR?", run.Stderr);
    }

    [Theory]
    [InlineData("<html><body>Request Blocked</body></html>", "not JSON")]
    [InlineData("[1, 2, 3]", "array")]
    [InlineData("{\"foo\": \"bar\"}", "return_code")]
    [InlineData("   ", "empty")]
    [InlineData("{\"return_code\":0,", "not JSON")]
    public async Task InputThatIsNotAResponseBodyFailsWithAClearMessage(string input, string reason)
    {
        var run = await CliRun.RunAsync(["decode", "ka10001"], input);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("error: standard input is not a Kiwoom response body", run.Stderr);
        Assert.Contains(reason, run.Stderr);
    }

    [Fact]
    public async Task EveryTruncationOfABodyEndsWithAMessageNeverACrash()
    {
        // Cut the body at every character: each prefix is either still a response (exit 0) or not one (exit 1).
        for (var length = 0; length < BalanceBody.Length; length++)
        {
            var run = await CliRun.RunAsync(["decode", "kt00018"], BalanceBody[..length]);

            Assert.True(run.ExitCode is 0 or 1, $"Prefix of {length} characters: {run}");
            Assert.True(run.ExitCode == 0 || run.Stderr.StartsWith("error: ", StringComparison.Ordinal), run.ToString());
        }
    }

    [Fact]
    public async Task ABrokerErrorBodyIsPrintedAndExitsOne()
    {
        const string body = """{"return_code":2,"return_msg":"입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=base_dt]"}""";

        var run = await CliRun.RunAsync(["decode", "ka10081"], body);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("return_code").GetInt32());
        Assert.Contains("return_code 2/1511", run.Stderr);
    }

    [Fact]
    public async Task AnUnknownApiIdIsAUsageError()
    {
        var run = await CliRun.RunAsync(["decode", "ka99999"], ChartBody);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ka99999", run.Stderr);
        Assert.Contains("Usage:", run.Stderr);
    }
}
