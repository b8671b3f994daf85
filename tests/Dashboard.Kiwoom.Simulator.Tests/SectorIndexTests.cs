using System.Globalization;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>A sector index answer agrees with itself: its change sign and change rate follow its change.</summary>
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

    private static decimal ParseAbs(string signed) =>
        decimal.Parse(signed.TrimStart('+', '-', ' '), CultureInfo.InvariantCulture);
}
