using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>Wire forms a third-party Kiwoom client found wrong or missing when it ran against the simulator.</summary>
public sealed class ResponseFidelityTests(TradedAccountSimulator shared) : IClassFixture<TradedAccountSimulator>
{
    private readonly SimulatorHost _sim = shared.Sim;
    private readonly string _token = shared.Token;

    [Fact]
    public async Task TodaysMajorBrokersPutTheNameInTheBrokerFieldAndTheCodeInTheCodeField()
    {
        var nameByCode = new Dictionary<string, string>();
        for (var page = await _sim.CallAsync("ka10102", "/api/dostk/stkinfo", new { }, _token); ; page = await _sim.CallAsync("ka10102", "/api/dostk/stkinfo", new { }, _token, "Y", page.NextKey))
        {
            foreach (var b in page.Root.GetProperty("list").EnumerateArray())
            {
                nameByCode[Text(b, "code")] = Text(b, "name");
            }

            if (page.ContYn != "Y")
            {
                break;
            }
        }

        var response = await _sim.CallAsync("ka10040", "/api/dostk/rkinfo", new { stk_cd = TradedAccountSimulator.Stock }, _token);

        foreach (var side in new[] { "sel", "buy" })
        {
            var codes = new HashSet<string>();
            for (var n = 1; n <= 5; n++)
            {
                var code = Text(response.Root, $"{side}_trde_ori_cd_{n}");
                var name = Text(response.Root, $"{side}_trde_ori_{n}");
                Assert.True(nameByCode.TryGetValue(code, out var listed), $"{side} {n}: code '{code}' is not a member code of ka10102");
                Assert.Equal(listed, name);
                Assert.True(codes.Add(code), $"{side} {n}: broker {code} is listed twice");
            }
        }

        Assert.StartsWith("-", Text(response.Root, "sel_trde_ori_qty_1"));
        Assert.StartsWith("+", Text(response.Root, "buy_trde_ori_qty_1"));
    }

    [Fact]
    public async Task MarginRatesAreWholePercentagesWithTheSignAndSizeTheOrderableQuantity()
    {
        var price = 70_000L;
        var response = await _sim.CallAsync("kt00011", "/api/dostk/acnt", new { stk_cd = TradedAccountSimulator.Stock, uv = price.ToString(CultureInfo.InvariantCulture) }, _token);
        var margin = _sim.Market.Read(u => u.ByCode[TradedAccountSimulator.Stock].MarginRatePercent);

        Assert.Equal($"{margin}%", Text(response.Root, "stk_profa_rt"));
        Assert.Equal("100%", Text(response.Root, "profa_rt"));
        Assert.Equal("100%", Text(response.Root, "aplc_rt"));
        var cash = long.Parse(Text(response.Root, "profa_100ord_alow_amt"), CultureInfo.InvariantCulture);
        var quantity = long.Parse(Text(response.Root, "profa_100ord_alowq"), CultureInfo.InvariantCulture);
        Assert.InRange(quantity, 1, cash / price);
        Assert.True(quantity * price > cash * 99 / 100, $"{quantity} shares at {price} should use nearly all of {cash}");
    }

    [Fact]
    public async Task CreditGuaranteeGroupIsALetterAndItsRateAPercentage()
    {
        var response = await _sim.CallAsync("kt00012", "/api/dostk/acnt", new { stk_cd = TradedAccountSimulator.Stock, uv = "70000" }, _token);
        var (group, rate) = _sim.Market.Read(u => (u.ByCode[TradedAccountSimulator.Stock].CreditGroup, u.ByCode[TradedAccountSimulator.Stock].CreditGuaranteePercent));

        Assert.Matches("^[A-D]$", Text(response.Root, "stk_assr_rt"));
        Assert.Equal(group.ToString(), Text(response.Root, "stk_assr_rt"));
        Assert.Equal($"{rate}%", Text(response.Root, "stk_assr_rt_nm"));
    }

    [Fact]
    public async Task StockLendingRatiosAreSentTimesAHundredWithoutADecimalPoint()
    {
        var response = await _sim.CallAsync("ka10069", "/api/dostk/slb", new { strt_dt = "20260301", end_dt = "20260310", mrkt_tp = "001" }, _token);

        foreach (var name in new[] { "dbrt_trde_cntrcnt_rt", "dbrt_trde_rpy_rt", "rmnd_rt", "remn_amt_rt" })
        {
            Assert.Matches("^[0-9]+$", Text(response.Root, name));
        }
    }

    [Fact]
    public async Task DailyInstitutionalRowsCarryTheAveragePriceColumnsConsistentWithTheLivePrice()
    {
        var response = await _sim.CallAsync("ka10044", "/api/dostk/mrkcond", new { strt_dt = "20260310", end_dt = "20260310", trde_tp = "1", mrkt_tp = "001", stex_tp = "3" }, _token);
        var row = response.Root.GetProperty("daly_orgn_trde_stk")[0];
        var (live, average) = _sim.Market.Read(u => (u.ByCode[Text(row, "stk_cd")].Last, u.ByCode[Text(row, "stk_cd")].AveragePrice));

        Assert.Equal(average, Number(Text(row, "prsm_avg_pric")));
        Assert.Equal(live, Math.Abs(Number(Text(row, "cur_prc"))));
        Assert.Equal(live - average, Number(Text(row, "avg_pric_pre")));
        var rate = decimal.Parse(Text(row, "pre_rt"), CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round((live - average) * 100m / average, 2), rate);
    }

    [Theory]
    [InlineData("ka10005", "/api/dostk/mrkcond", "stk_ddwkmm", "cntr_str", "{\"stk_cd\":\"005930\"}")]
    [InlineData("ka20001", "/api/dostk/sect", "inds_cur_prc_tm", "stex_tp", "{\"mrkt_tp\":\"0\",\"inds_cd\":\"001\"}")]
    [InlineData("ka10088", "/api/dostk/acnt", "osop", "acnt_no", "{\"ord_no\":\"\"}")]
    [InlineData("kt00015", "/api/dostk/acnt", null, "acnt_no", "{\"strt_dt\":\"20260310\",\"end_dt\":\"20260310\",\"tp\":\"0\",\"stk_cd\":\"\",\"crnc_cd\":\"\",\"gds_tp\":\"0\",\"frgn_stex_code\":\"\",\"dmst_stex_tp\":\"%\"}")]
    public async Task FieldsTheLiveApiSendsBeyondTheCatalogTablesAreAnswered(string apiId, string path, string? list, string field, string body)
    {
        var response = await _sim.CallAsync(apiId, path, body, _token);
        Assert.True(response.ReturnCode == 0, response.Text);

        var holder = list is null ? response.Root : response.Root.GetProperty(list)[0];
        Assert.True(holder.TryGetProperty(field, out var value) && value.GetString()!.Length > 0, $"{apiId}: {field} is missing or empty in {response.Text[..Math.Min(400, response.Text.Length)]}");
    }

    [Fact]
    public async Task AccountNumberInSplitOrderDetailIsTheTokensAccount()
    {
        var account = await _sim.CallAsync("ka00001", "/api/dostk/acnt", new { }, _token);
        var detail = await _sim.CallAsync("ka10088", "/api/dostk/acnt", new { ord_no = shared.RestingOrderNumber }, _token);

        Assert.Equal(Text(account.Root, "acctNo"), Text(detail.Root.GetProperty("osop")[0], "acnt_no"));
    }

    [Fact]
    public async Task SectorCodeListAnswersSectorsOfTheRequestedMarketWithAPlainMarketCode()
    {
        var response = await _sim.CallAsync("ka10101", "/api/dostk/stkinfo", new { mrkt_tp = "1" }, _token);
        var rows = response.Root.GetProperty("list").EnumerateArray().ToArray();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("1", Text(r, "marketCode")));
        Assert.Contains(rows, r => Text(r, "code") == "101" && Text(r, "name") == "종합(KOSDAQ)");
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static long Number(string wire) => long.Parse(wire, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
