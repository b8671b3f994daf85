using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class KiwoomJsonTests
{
    private static KiwoomResult<T> Decode<T>(string json, List<WireWarning>? warnings = null, string apiId = "ka10081")
        where T : KiwoomResponse =>
        KiwoomJson.Decode<T>(Encoding.UTF8.GetBytes(json), apiId, warnings);

    [Fact]
    public void WellFormedChartDecodesWithoutWarnings()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>("""
            {"stk_cd":"005930","stk_dt_pole_chart_qry":[
              {"cur_prc":"70100","trde_qty":"9263135","trde_prica":"648525","dt":"20250908","open_pric":"69800",
               "high_pric":"70500","low_pric":"69600","pred_pre":"+600","pred_pre_sig":"2","trde_tern_rt":"+0.16"}],
             "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """, warnings);

        Assert.True(result.IsSuccess);
        var row = Assert.Single(result.Value.Candles);
        Assert.Equal(70100, row.CurrentPrice.Value);
        Assert.Equal(600, row.Change.Value);
        Assert.Equal(new DateOnly(2025, 9, 8), row.Date.Value);
        Assert.Equal(ChangeSignCode.Up, row.ChangeSign.Value);
        Assert.Equal(0.16m, row.TurnoverRate.Value);
        Assert.Equal("005930", result.Value.StockCode.Code);
        Assert.Equal("정상적으로 처리되었습니다", result.Value.ReturnMsg);
        Assert.Empty(warnings);
    }

    [Fact]
    public void OddValueIsKeptRawAndReportedWithItsPath()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>("""
            {"stk_cd":"005930","stk_dt_pole_chart_qry":[
              {"cur_prc":"70100","dt":"20250908"},
              {"cur_prc":"70,200","dt":"2025090"}],"return_code":"0"}
            """, warnings);

        Assert.True(result.IsSuccess);
        var second = result.Value.Candles[1];
        Assert.Equal("70,200", second.CurrentPrice.Raw);
        Assert.Null(second.CurrentPrice.Value);
        Assert.Equal(70100, result.Value.Candles[0].CurrentPrice.Value);
        Assert.Equal(
            [
                new WireWarning("ka10081", "stk_dt_pole_chart_qry[1].cur_prc", "70,200", new SignedPrice().Expected),
                new WireWarning("ka10081", "stk_dt_pole_chart_qry[1].dt", "2025090", new KDate().Expected),
            ],
            warnings);
    }

    [Fact]
    public void UnknownFieldsAreKeptInExtraAndReported()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>("""
            {"stk_cd":"005930","new_top":"x","stk_dt_pole_chart_qry":[{"dt":"20250908","nxt_fld":{"a":1}}],"return_code":0}
            """, warnings);

        Assert.True(result.IsSuccess);
        Assert.Equal("x", result.Value.Extra!["new_top"].GetString());
        Assert.Equal(1, result.Value.Candles[0].Extra!["nxt_fld"].GetProperty("a").GetInt32());
        Assert.Equal(["stk_dt_pole_chart_qry[0].nxt_fld", "new_top"], warnings.Select(w => w.Field));
        Assert.Equal("""{"a":1}""", warnings[0].Value);
    }

    [Fact]
    public void ListThatIsNotAnArrayIsReportedNotFatal()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>("""{"stk_cd":"005930","stk_dt_pole_chart_qry":"","return_code":0}""", warnings);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Candles);
        var warning = Assert.Single(warnings);
        Assert.Equal("stk_dt_pole_chart_qry", warning.Field);
    }

    [Theory]
    [InlineData("""{"return_code":0}""")]
    [InlineData("""{"stk_dt_pole_chart_qry":null,"return_code":0}""")]
    public void AbsentOrNullListReadsAsEmpty(string body)
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>(body, warnings);

        Assert.NotNull(result.Value!.Candles);
        Assert.Empty(result.Value.Candles);
        Assert.Empty(warnings);
    }

    [Fact]
    public void NonObjectRowsAreSkippedAndReported()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>("""{"stk_dt_pole_chart_qry":[{"dt":"20250908"},7,null,["x"]],"return_code":0}""", warnings);

        Assert.True(result.IsSuccess);
        Assert.Single(result.Value.Candles);
        Assert.Equal("""[7,null,["x"]]""", Assert.Single(warnings).Value);
    }

    [Fact]
    public void NumbersAndLiteralsWhereTheCatalogSaysStringKeepTheirText()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Kt10000Response>("""{"ord_no":24,"dmst_stex_tp":true,"return_code":0,"return_msg":null}""", warnings);

        Assert.True(result.IsSuccess);
        Assert.Equal("24", result.Value.OrderNumber);
        Assert.Equal("true", result.Value.Exchange);
        Assert.Null(result.Value.ReturnMsg);
        Assert.Empty(warnings);
    }

    [Fact]
    public void NumericTokenInASemanticFieldParses()
    {
        var result = Decode<Ka10081Response>("""{"stk_dt_pole_chart_qry":[{"cur_prc":70100,"pred_pre":-600}],"return_code":0}""");

        Assert.Equal(70100, result.Value!.Candles[0].CurrentPrice.Value);
        Assert.Equal(-600, result.Value.Candles[0].Change.Value);
    }

    [Fact]
    public void ObjectInAValueFieldIsKeptAsJsonText()
    {
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>("""{"stk_cd":{"k":"v"},"return_code":0}""", warnings);

        Assert.True(result.IsSuccess);
        Assert.Equal("""{"k":"v"}""", result.Value.StockCode.Raw);
        Assert.Equal("stk_cd", Assert.Single(warnings).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("<html>Request Blocked</html>")]
    [InlineData("""{"return_code":"abc"}""")]
    [InlineData("[]")]
    public void MalformedBodiesAreDecodeErrors(string body)
    {
        var result = Decode<Ka10081Response>(body);

        Assert.False(result.IsSuccess);
        Assert.Equal(KiwoomErrorKind.Decode, result.Error.Kind);
        Assert.Contains("ka10081", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonNullBodyIsADecodeError()
    {
        var result = Decode<Ka10081Response>("null");

        Assert.Equal(KiwoomErrorKind.Decode, result.Error!.Kind);
    }

    [Fact]
    public void WarningsAreCappedAndTheRestCounted()
    {
        var rows = string.Join(",", Enumerable.Range(0, 150).Select(_ => """{"dt":"bad"}"""));
        var warnings = new List<WireWarning>();

        var result = Decode<Ka10081Response>($$"""{"stk_dt_pole_chart_qry":[{{rows}}],"return_code":0}""", warnings);

        Assert.True(result.IsSuccess);
        Assert.Equal(WireWarningCollector.MaxWarnings + 1, warnings.Count);
        Assert.Equal("50", warnings[^1].Value);
    }

    [Fact]
    public void DecodedResponseReserializesToTheSameValues()
    {
        const string body = """{"stk_cd":"A005930","stk_dt_pole_chart_qry":[{"cur_prc":"-70100","dt":"20250908","extra_col":"1"}],"return_code":0,"return_msg":"ok"}""";

        var decoded = Decode<Ka10081Response>(body).Value!;
        var again = JsonSerializer.Serialize(decoded, KiwoomJson.Options);
        var reparsed = Decode<Ka10081Response>(again).Value!;

        Assert.Equal("A005930", reparsed.StockCode.Raw);
        Assert.Equal(decoded.Candles[0].CurrentPrice, reparsed.Candles[0].CurrentPrice);
        Assert.Equal("1", reparsed.Candles[0].Extra!["extra_col"].GetString());
    }

    [Fact]
    public void DecodeByApiIdUsesTheRegistryResponseType()
    {
        var warnings = new List<WireWarning>();

        var result = KiwoomJson.Decode("""{"ord_no":"0000024","return_code":0}"""u8, "KT10000", warnings);

        var order = Assert.IsType<Kt10000Response>(result.Value);
        Assert.Equal("0000024", order.OrderNumber);
        Assert.Empty(warnings);
    }

    [Fact]
    public void DecodeByAnUnknownApiIdIsAProtocolError()
    {
        var result = KiwoomJson.Decode("{}"u8, "zz99999");

        Assert.Equal(KiwoomErrorKind.Protocol, result.Error!.Kind);
    }

    [Fact]
    public void EncodeWritesTheRuntimeTypeEvenThroughTheInterface()
    {
        IKiwoomRequest<Ka10001Response> request = new Ka10001Request { StockCode = "005930_NX" };

        Assert.Equal("""{"stk_cd":"005930_NX"}""", Encoding.UTF8.GetString(KiwoomJson.Encode(request)));
    }

    [Fact]
    public void KoreanIsWrittenUnescaped()
    {
        var json = JsonSerializer.Serialize(new Ka10001Request { StockCode = "삼성" }, KiwoomJson.Options);

        Assert.Equal("""{"stk_cd":"삼성"}""", json);
    }
}
