using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class FundamentalsTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly SimulatorHost _sim = shared.Sim;

    public static TheoryData<string> SampleStocks() => new() { "005930", "000660", "039490", "00680K", "373220" };

    [Theory]
    [MemberData(nameof(SampleStocks))]
    public async Task BasicInfoReportsFundamentalsConsistentWithThePriceAndEachOther(string code)
    {
        var response = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = code }, shared.Token);
        var r = response.Root;
        var (price, shares) = _sim.Market.Read(u => (u.ByCode[code].Last, u.ByCode[code].ListedShares));

        var eps = Long(r, "eps");
        var bps = Long(r, "bps");
        Assert.Contains(Text(r, "setl_mm"), new[] { "03", "06", "09", "12" });
        Assert.True(eps > 0 && bps > 0, response.Text);
        Assert.Equal(Math.Round(price / (decimal)eps, 2), Dec(r, "per"));
        Assert.Equal(Math.Round(price / (decimal)bps, 2), Dec(r, "pbr"));
        Assert.Equal(Math.Round(eps * 100m / bps, 2), Dec(r, "roe"));
        Assert.Equal(price * shares / 100_000_000, Long(r, "mac"));
        Assert.Equal(eps * shares / 100_000_000, Long(r, "cup_nga"));
        Assert.True(Long(r, "sale_amt") > Long(r, "bus_pro") && Long(r, "bus_pro") > Long(r, "cup_nga"), "sales > operating profit > net income");
        Assert.True(Dec(r, "ev") > 0, "EV/EBITDA of a profitable company is positive");
        var free = Long(r, "dstr_stk");
        Assert.InRange(free, 1, shares);
        Assert.Equal(Math.Round(free * 100m / shares, 1), Dec(r, "dstr_rt"));
        Assert.Equal("원", Text(r, "fav_unit"));
    }

    [Theory]
    [MemberData(nameof(SampleStocks))]
    public async Task HighsAndLowsAreTheDailyChartsExtremes(string code)
    {
        var today = KoreaTime.Today(_sim.Clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var info = (await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = code }, shared.Token)).Root;
        var days = new List<JsonElement>();
        string? next = null;
        while (days.Count < 250)
        {
            var page = await _sim.CallAsync("ka10081", "/api/dostk/chart", new { stk_cd = code, base_dt = today, upd_stkpc_tp = "1" }, shared.Token, next is null ? null : "Y", next);
            days.AddRange(page.Root.GetProperty("stk_dt_pole_chart_qry").EnumerateArray());
            next = page.NextKey;
            if (page.ContYn != "Y")
            {
                break;
            }
        }

        var window = days.Take(250).ToArray();
        var high = window.Max(d => Long(d, "high_pric"));
        var low = window.Min(d => Long(d, "low_pric"));
        Assert.Equal(high, Long(info, "250hgst"));
        Assert.Equal(low, Long(info, "250lwst"));
        Assert.Equal(window.First(d => Long(d, "high_pric") == high).GetProperty("dt").GetString(), Text(info, "250hgst_pric_dt"));
        Assert.Equal(window.First(d => Long(d, "low_pric") == low).GetProperty("dt").GetString(), Text(info, "250lwst_pric_dt"));
        Assert.InRange(Long(info, "oyr_hgst"), Long(info, "oyr_lwst"), high);
        Assert.True(Dec(info, "250hgst_pric_pre_rt") <= 0 && Dec(info, "250lwst_pric_pre_rt") >= 0, "the price sits between the 250-day low and high");
    }

    [Fact]
    public void FundamentalsAreTheSameForTheSameSeedAndDifferForAnother()
    {
        var day = new DateOnly(2026, 3, 10);
        var a = MarketUniverse.Create(7, day).Stocks.Select(s => s.Fundamentals).ToArray();
        var b = MarketUniverse.Create(7, day).Stocks.Select(s => s.Fundamentals).ToArray();
        var c = MarketUniverse.Create(8, day).ByCode["005930"].Fundamentals;

        Assert.All(a, f => Assert.NotNull(f));
        Assert.Equal(a, b);
        Assert.NotEqual(a.First(), c);
    }

    [Fact]
    public async Task AnEtfHasNoCompanyFigures()
    {
        var r = (await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "069500" }, shared.Token)).Root;

        Assert.Equal("", Text(r, "per"));
        Assert.Equal("", Text(r, "eps"));
        Assert.Equal("0", Text(r, "sale_amt"));
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static long Long(JsonElement e, string name) => long.Parse(Text(e, name).TrimStart('+', '-'), CultureInfo.InvariantCulture);

    private static decimal Dec(JsonElement e, string name) => decimal.Parse(Text(e, name), CultureInfo.InvariantCulture);
}
