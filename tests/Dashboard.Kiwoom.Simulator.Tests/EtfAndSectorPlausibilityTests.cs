using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>What a trader sees on the ETF, sector and ELW screens looks like a real Korean market's.</summary>
public sealed class EtfAndSectorPlausibilityTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly SimulatorHost _sim = shared.Sim;

    [Fact]
    public async Task EtfsTrackVariousIndicesWithATrackingErrorWellUnderOnePercent()
    {
        var body = new { txon_type = "0", navpre = "0", mngmcomp = "0000", txon_yn = "0", trace_idex = "0", stex_tp = "1" };
        var rows = new List<JsonElement>();
        for (var page = await _sim.CallAsync("ka40004", "/api/dostk/etf", body, shared.Token); ; page = await _sim.CallAsync("ka40004", "/api/dostk/etf", body, shared.Token, "Y", page.NextKey))
        {
            rows.AddRange(page.Root.GetProperty("etfall_mrpr").EnumerateArray());
            if (page.ContYn != "Y" || rows.Count > 500)
            {
                break;
            }
        }

        Assert.Equal(MarketUniverse.EtfCount, rows.Count);
        Assert.All(rows, r => Assert.InRange(Rate(Text(r, "trace_eor_rt")), 0m, 0.99m));
        var targets = rows.Select(r => Text(r, "trace_idex_nm")).Distinct().ToArray();
        Assert.True(targets.Length >= 10, $"only {targets.Length} distinct targets: {string.Join(", ", targets)}");
        Assert.Contains("KOSPI200", targets);
        Assert.Contains("코스닥150", targets);
        Assert.Contains(targets, t => t.Contains("국고채", StringComparison.Ordinal));
        Assert.Contains(targets, t => t.Contains("금", StringComparison.Ordinal));
        Assert.Equal("KOSPI200", Text(rows.Single(r => Text(r, "stk_cd") == "069500"), "trace_idex_nm"));
        Assert.Equal("2", Text(rows.Single(r => Text(r, "stk_cd") == "122630"), "drng"));
    }

    [Fact]
    public async Task EtfNavRowsMoveWithThePriceAndStayWithinAFractionOfAPercentOfIt()
    {
        for (var k = 0; k < 400 && _sim.Market.Read(u => u.ByCode["069500"].Volume) < 2_000; k++)
        {
            _sim.Clock.Advance(TimeSpan.FromSeconds(1));
            _sim.Control.Step(5);
        }

        var answer = await _sim.CallAsync("ka40009", "/api/dostk/etf", new { stk_cd = "069500" }, shared.Token);
        var rows = answer.Root.GetProperty("etfnavarray").EnumerateArray().ToArray();

        Assert.True(rows.Length >= 5, answer.Text[..Math.Min(300, answer.Text.Length)]);
        // A NAV's sign is its direction vs the day before, like 0G's (the overlay's erratum for ka40009): the magnitude is the NAV.
        var navs = rows.Select(r => Abs(Text(r, "nav"))).ToArray();
        Assert.True(navs.Distinct().Count() > 1, "every NAV row shows the same value");
        foreach (var row in rows)
        {
            var nav = Abs(Text(row, "nav"));
            // A price too: its sign is the direction vs the previous close (the overlay's erratum for ka40009).
            var price = Abs(Text(row, "conv_pric"));
            Assert.InRange((price - nav) * 100 / nav, -0.5m, 0.5m);
            Assert.InRange(Rate(Text(row, "dispty_rt")), -0.5m, 0.5m);
        }
    }

    [Fact]
    public async Task SectorDailyRowsAreTheSectorsLevelsWithTheirOwnDirection()
    {
        var answer = await _sim.CallAsync("ka20009", "/api/dostk/sect", new { mrkt_tp = "0", inds_cd = "001" }, shared.Token);
        var level = _sim.Market.Read(u => u.SectorByCode["001"].Level);
        var rows = answer.Root.GetProperty("inds_cur_prc_daly_rept").EnumerateArray().ToArray();

        Assert.Equal(level, Abs(Text(rows[0], "cur_prc_n")));
        for (var k = 0; k + 1 < rows.Length; k++)
        {
            var today = Abs(Text(rows[k], "cur_prc_n"));
            var before = Abs(Text(rows[k + 1], "cur_prc_n"));
            Assert.InRange(today, level * 0.5m, level * 1.5m);
            var direction = today > before ? "+" : today < before ? "-" : "";
            Assert.StartsWith(direction, Text(rows[k], "cur_prc_n"));
            Assert.Equal(today > before ? "2" : today < before ? "5" : "3", Text(rows[k], "pred_pre_sig_n"));
        }
    }

    [Fact]
    public async Task SectorByInvestorPricesEachSectorAtItsIndexWithTheDirectionOfItsChange()
    {
        var answer = await _sim.CallAsync("ka10051", "/api/dostk/sect", new { mrkt_tp = "0", amt_qty_tp = "0", base_dt = "", stex_tp = "3" }, shared.Token);

        foreach (var row in answer.Root.GetProperty("inds_netprps").EnumerateArray())
        {
            // stex_tp 3 names the sector with the combined market's suffix ("001_AL").
            var (level, baseLevel, market) = _sim.Market.Read(u => (u.FindSector(Text(row, "inds_cd"))!.Level, u.FindSector(Text(row, "inds_cd"))!.BaseLevel, u.FindSector(Text(row, "inds_cd"))!.Market));
            Assert.Equal("0", market);
            var price = Text(row, "cur_prc");
            Assert.Equal((long)Math.Round(level * 100), long.Parse(price.TrimStart('+', '-'), CultureInfo.InvariantCulture));
            Assert.Equal(level > baseLevel ? "2" : level < baseLevel ? "5" : "3", Text(row, "pre_smbol"));
            Assert.StartsWith(level > baseLevel ? "+" : level < baseLevel ? "-" : "", price);
        }
    }

    [Fact]
    public async Task ElwRightsAreOneReadableSentenceForTheWarrantsSide()
    {
        var answer = await _sim.CallAsync("ka30012", "/api/dostk/elw", new { stk_cd = "57JBHH" }, shared.Token);
        var terms = _sim.Market.Read(u => u.ByCode["57JBHH"].Elw!);

        var rights = Text(answer.Root, "elwrght_cntn");
        Assert.DoesNotContain("\\", rights, StringComparison.Ordinal);
        Assert.Contains(terms.IsCall ? "초과" : "미만", rights, StringComparison.Ordinal);
        Assert.Equal(terms.IsCall ? "CALL" : "PUT", Text(answer.Root, "elwrght_type"));
        Assert.Equal(terms.Strike, decimal.Parse(Text(answer.Root, "elwexec_pric"), CultureInfo.InvariantCulture));
        Assert.Equal(terms.Expiry.ToString("yyyyMMdd", CultureInfo.InvariantCulture), Text(answer.Root, "expr_dt"));
    }

    [Fact]
    public async Task ElwSensitivitiesAnswerOneRowNowBeforeTheWarrantHasTraded()
    {
        await using var fresh = await SimulatorHost.StartAsync();
        var answer = await fresh.CallAsync("ka10050", "/api/dostk/elw", new { stk_cd = "57KJ99" }, await fresh.TokenAsync());

        var row = Assert.Single(answer.Root.GetProperty("elwsnst_ix_array").EnumerateArray());
        Assert.Equal(KoreaTime.WallClock(fresh.Clock.GetUtcNow()).ToString("HHmmss", CultureInfo.InvariantCulture), Text(row, "cntr_tm"));
        Assert.InRange(long.Parse(Text(row, "delta"), CultureInfo.InvariantCulture), -1_000_000, 1_000_000);
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static decimal Rate(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static decimal Abs(string signed) => decimal.Parse(signed.TrimStart('+', '-'), CultureInfo.InvariantCulture);
}
