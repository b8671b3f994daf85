using System.Globalization;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>A sector index answer agrees with itself (change sign and rate follow its change); the sector list names sectors.</summary>
public sealed class SectorIndexTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    [Theory]
    [InlineData("0", "001")]
    [InlineData("1", "101")]
    [InlineData("2", "201")]
    public async Task IndexChangeSignAndRateFollowItsChange(string market, string sector)
    {
        shared.Sim.Control.Step(20);
        var answer = await shared.Sim.CallAsync("ka20001", "/api/dostk/sect", new { mrkt_tp = market, inds_cd = sector }, shared.Token);

        Assert.Equal(0, answer.ReturnCode);
        var level = ParseAbs(answer.Root.GetProperty("cur_prc").GetString()!);
        var change = decimal.Parse(answer.Root.GetProperty("pred_pre").GetString()!, CultureInfo.InvariantCulture);
        var sign = answer.Root.GetProperty("pred_pre_sig").GetString();
        var rate = decimal.Parse(answer.Root.GetProperty("flu_rt").GetString()!, CultureInfo.InvariantCulture);

        Assert.Equal(change > 0 ? "2" : change < 0 ? "5" : "3", sign);
        var expectedRate = Math.Round(change * 100m / (level - change), 2);
        Assert.InRange(rate, expectedRate - 0.01m, expectedRate + 0.01m);
    }

    [Theory]
    [InlineData("001", "0")]
    [InlineData("101", "1")]
    public async Task AllSectorIndicesListSectorsWhoseMembersAreStocks(string composite, string market)
    {
        var answer = await shared.Sim.CallAsync("ka20003", "/api/dostk/sect", new { inds_cd = composite }, shared.Token);

        Assert.Equal(0, answer.ReturnCode);
        var sectors = answer.Root.GetProperty("all_inds_idex").EnumerateArray().Select(r => r.GetProperty("stk_cd").GetString()!).ToArray();
        Assert.Contains(composite, sectors);
        Assert.All(sectors, code => Assert.Equal(3, code.Length));

        // A listed sector answers its member stocks (ka20002), as the sectors screen asks when one is picked.
        var members = await shared.Sim.CallAsync("ka20002", "/api/dostk/sect", new { mrkt_tp = market, inds_cd = sectors[^1], stex_tp = "1" }, shared.Token);
        Assert.Equal(0, members.ReturnCode);
        var stocks = members.Root.GetProperty("inds_stkpc").EnumerateArray().Select(r => r.GetProperty("stk_cd").GetString()!).ToArray();
        Assert.NotEmpty(stocks);
        Assert.All(stocks, code => Assert.Equal(6, code.Length));
    }

    private static decimal ParseAbs(string signed) =>
        decimal.Parse(signed.TrimStart('+', '-', ' '), CultureInfo.InvariantCulture);
}
