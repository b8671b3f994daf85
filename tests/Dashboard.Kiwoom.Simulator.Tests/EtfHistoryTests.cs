using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// The ETF history TRs: ka40001 answers one row per trading day of the period asked for, each from that day's close
/// and NAV; ka40003 gives each day its own NAV, so the premium of the close to the NAV changes from day to day.
/// </summary>
public sealed class EtfHistoryTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private const string Kodex200 = "069500";
    private readonly SimulatorHost _sim = shared.Sim;

    [Fact]
    public async Task ReturnsOfAWeekAreOneRowPerTradingDayMeasuredFromTheCloseBeforeTheWeek()
    {
        var rows = await AllRowsAsync("ka40001", new { stk_cd = Kodex200, etfobjt_idex_cd = "207", dt = "0" }, "etfprft_rt_lst");
        var days = _sim.Market.Read(u => _sim.Services.GetRequiredService<PriceHistory>().Days(u.ByCode[Kodex200]).ToArray());
        var today = KoreaTime.Today(_sim.Clock);
        var inWeek = days.TakeWhile(d => DateOnly.FromDateTime(d.Time) > today.AddDays(-7)).Count();

        // 2026-03-10 is a Tuesday: the week back to the 4th holds Tuesday to Friday and Monday before today, five days.
        Assert.Equal(inWeek, rows.Count);
        Assert.InRange(rows.Count, 4, 6);
        var start = days[inWeek].Close;
        for (var k = 0; k < rows.Count; k++)
        {
            Assert.Equal(Math.Round(((decimal)days[k].Close / start - 1) * 100, 2), Rate(rows[k], "cntr_prft_rt"));
        }

        Assert.True(rows.Select(r => Text(r, "etfprft_rt")).Distinct().Count() > 1, "every row has the same return");
        Assert.True(rows.Select(r => Text(r, "for_netprps_qty")).Distinct().Count() > 1, "every row has the same foreign net buying");
        Assert.All(rows, r => Assert.InRange(Rate(r, "etfprft_rt") - Rate(r, "cntr_prft_rt"), -1m, 1m));
    }

    [Fact]
    public async Task LongerPeriodsHaveMoreRows()
    {
        var month = await AllRowsAsync("ka40001", new { stk_cd = Kodex200, etfobjt_idex_cd = "207", dt = "1" }, "etfprft_rt_lst");
        var halfYear = await AllRowsAsync("ka40001", new { stk_cd = Kodex200, etfobjt_idex_cd = "207", dt = "2" }, "etfprft_rt_lst");

        // 2026-02-10 to 03-10 loses the Lunar New Year (02-16 to 02-18) and 03-02: 16 trading days.
        Assert.Equal(16, month.Count);
        Assert.InRange(halfYear.Count, 110, 130);
    }

    [Fact]
    public async Task EachDayOfTheDailyTrendHasItsOwnNavWithinAFractionOfAPercentOfTheClose()
    {
        var answer = await _sim.CallAsync("ka40003", "/api/dostk/etf", new { stk_cd = Kodex200 }, shared.Token);
        var rows = answer.Root.GetProperty("etfdaly_trnsn").EnumerateArray().ToArray();

        Assert.True(rows.Length >= 10, answer.Text[..Math.Min(300, answer.Text.Length)]);
        var premiums = new List<decimal>();
        foreach (var row in rows)
        {
            var close = decimal.Parse(Text(row, "cur_prc").TrimStart('+', '-'), CultureInfo.InvariantCulture);
            var nav = decimal.Parse(Text(row, "nav").TrimStart('+', '-'), CultureInfo.InvariantCulture);
            var premium = Math.Round((close - nav) * 100 / nav, 2);
            Assert.InRange(premium, -0.5m, 0.5m);
            Assert.Equal(premium, Rate(row, "navetfdispty_rt"));
            premiums.Add(premium);
        }

        // Yesterday's premium is not today's carried back: the past days differ among themselves.
        Assert.True(premiums.Skip(1).Distinct().Count() > 3, $"premiums {string.Join(", ", premiums)}");
    }

    private async Task<List<JsonElement>> AllRowsAsync(string apiId, object body, string list)
    {
        var rows = new List<JsonElement>();
        for (var page = await _sim.CallAsync(apiId, "/api/dostk/etf", body, shared.Token); ; page = await _sim.CallAsync(apiId, "/api/dostk/etf", body, shared.Token, "Y", page.NextKey))
        {
            Assert.Equal(0, page.ReturnCode);
            rows.AddRange(page.Root.GetProperty(list).EnumerateArray());
            if (page.ContYn != "Y" || rows.Count > 400)
            {
                return rows;
            }
        }
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static decimal Rate(JsonElement e, string name) => decimal.Parse(Text(e, name), CultureInfo.InvariantCulture);
}
