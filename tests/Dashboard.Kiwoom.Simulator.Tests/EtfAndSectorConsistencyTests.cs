using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// Two screens never show two truths: one NAV per ETF at a moment in every TR that reports it, and sector weights that
/// are shares of their market (adding up to 100 %).
/// </summary>
public sealed class EtfAndSectorConsistencyTests
{
    private const string Kodex200 = "069500";

    [Fact]
    public async Task BeforeTheFundHasPrintedEveryTrReportsTheSameNav()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.TokenAsync();

        await AssertOneNavAsync(sim, token);
    }

    [Fact]
    public async Task AfterTheBasketMovedSinceTheFundsLastPrintEveryTrStillReportsTheSameNav()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.TokenAsync();

        // Trade until the fund has printed and its basket has moved since: the NAV its print published and the basket's
        // value now are then two numbers, and every TR must report the same one of them.
        var moved = false;
        for (var k = 0; k < 2_000 && !moved; k++)
        {
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
            sim.Control.Step(5);
            moved = sim.Market.Read(u =>
            {
                var etf = u.ByCode[Kodex200];
                return etf.Trades.Count > 0
                    && etf.Basket.Any(m => u.ByCode[m.Code].LastTradeTime > etf.LastTradeTime)
                    && sim.Market.EtfNavAt(etf, static m => m.Last) != etf.Trades.FromNewest(0).Nav;
            });
        }

        Assert.True(moved, "the basket never moved after the fund's last print");
        await AssertOneNavAsync(sim, token);
    }

    [Theory]
    [InlineData("001")]
    [InlineData("101")]
    public async Task SectorWeightsAreSharesOfTheirMarketAndAddUpToAHundredPercent(string composite)
    {
        await using var sim = await SimulatorHost.StartAsync();
        sim.Control.Step(50);
        var token = await sim.TokenAsync();

        var answer = await sim.CallAsync("ka20003", "/api/dostk/sect", new { inds_cd = composite }, token);
        var rows = answer.Root.GetProperty("all_inds_idex").EnumerateArray().ToArray();

        var weighted = rows.Where(r => Text(r, "wght").Length > 0).ToArray();
        Assert.True(weighted.Length >= 3, answer.Text[..Math.Min(400, answer.Text.Length)]);
        var sum = weighted.Sum(r => decimal.Parse(Text(r, "wght"), CultureInfo.InvariantCulture));
        Assert.InRange(sum, 100m - (0.005m * weighted.Length), 100m + (0.005m * weighted.Length));

        // The composite, the size classes and KOSPI200 are the market or a cut across it: they have no weight in it.
        Assert.Equal("", Text(rows.Single(r => Text(r, "stk_cd") == composite), "wght"));
        foreach (var row in weighted)
        {
            var expected = sim.Market.Read(u =>
            {
                var sector = u.SectorByCode[Text(row, "stk_cd")];
                var market = sector.Members[0].Market;
                var total = u.Stocks.Where(s => s.Market == market).Sum(s => s.Last * (decimal)s.ListedShares);
                return Math.Round(sector.Members.Sum(m => m.Last * (decimal)m.ListedShares) * 100 / total, 2);
            });
            Assert.Equal(expected, decimal.Parse(Text(row, "wght"), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>ka40003's row for today, ka40004's row of the fund and ka40009's latest row: one NAV, and one NAV the day before.</summary>
    private static async Task AssertOneNavAsync(SimulatorHost sim, string token)
    {
        var daily = await sim.CallAsync("ka40003", "/api/dostk/etf", new { stk_cd = Kodex200 }, token);
        var byTime = await sim.CallAsync("ka40009", "/api/dostk/etf", new { stk_cd = Kodex200 }, token);
        var all = await sim.CallAsync("ka40004", "/api/dostk/etf", new { txon_type = "0", navpre = "0", mngmcomp = "0000", txon_yn = "0", trace_idex = "0", stex_tp = "1" }, token);

        var days = daily.Root.GetProperty("etfdaly_trnsn").EnumerateArray().ToArray();
        var latest = byTime.Root.GetProperty("etfnavarray").EnumerateArray().First();
        var listed = all.Root.GetProperty("etfall_mrpr").EnumerateArray().Single(r => Text(r, "stk_cd") == Kodex200);
        var engineNav = sim.Market.Read(u => sim.Market.EtfNav(u.ByCode[Kodex200]));

        Assert.Equal(KoreaTime.Today(sim.Clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture), Text(days[0], "cntr_dt"));
        Assert.Equal(engineNav, Abs(Text(days[0], "nav")));
        Assert.Equal(engineNav, Abs(Text(latest, "nav")));
        Assert.Equal(engineNav, Abs(Text(listed, "nav")));

        // The change ka40009 reports is measured from the NAV ka40003 gives the day before.
        var change = decimal.Parse(Text(latest, "navpred_pre"), CultureInfo.InvariantCulture);
        Assert.Equal(Abs(Text(days[1], "nav")), engineNav - change);
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static decimal Abs(string signed) => decimal.Parse(signed.TrimStart('+', '-'), CultureInfo.InvariantCulture);
}
