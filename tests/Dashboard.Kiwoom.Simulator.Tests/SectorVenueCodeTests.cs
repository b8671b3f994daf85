using System.Text.Json;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// Sector codes with the venue suffix: the guide's ka10051 example answers "001_AL" for the combined market
/// (stex_tp 3); the simulator answers so. Requests keep the guide's three-character inds_cd; the realtime 0J/0U items
/// take the suffixed code too, as stock items do.
/// </summary>
public sealed class SectorVenueCodeTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly SimulatorHost _sim = shared.Sim;

    [Theory]
    [InlineData("3", "_AL")]
    [InlineData("2", "_NX")]
    [InlineData("1", "")]
    public async Task InvestorFlowsNameEachSectorWithTheVenueAskedFor(string venue, string suffix)
    {
        var answer = await _sim.CallAsync("ka10051", "/api/dostk/sect", new { mrkt_tp = "0", amt_qty_tp = "0", base_dt = "", stex_tp = venue }, shared.Token);
        var codes = answer.Root.GetProperty("inds_netprps").EnumerateArray().Select(r => r.GetProperty("inds_cd").GetString()!).ToArray();

        Assert.Contains("001" + suffix, codes);
        Assert.All(codes, c => Assert.Matches(suffix.Length == 0 ? "^[0-9]{3}$" : $"^[0-9]{{3}}{suffix}$", c));
    }

    [Fact]
    public async Task ASectorTrTakesThePlainCodeAndRefusesTheSuffixedOneAsTooLong()
    {
        // The guide documents inds_cd in requests as three characters: a client strips the venue before asking.
        var plain = await _sim.CallAsync("ka20001", "/api/dostk/sect", new { mrkt_tp = "0", inds_cd = "013" }, shared.Token);
        var suffixed = await _sim.CallAsync("ka20001", "/api/dostk/sect", new { mrkt_tp = "0", inds_cd = "013_AL" }, shared.Token);

        Assert.Equal(0, plain.ReturnCode);
        Assert.NotEqual(0, suffixed.ReturnCode);
        Assert.Contains("inds_cd", suffixed.ReturnMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModelFindsASectorByItsSuffixedCodeAsByItsPlainOne()
    {
        var universe = _sim.Market.Universe;

        Assert.Same(universe.SectorByCode["001"], universe.FindSector("001_AL"));
        Assert.Same(universe.SectorByCode["101"], universe.FindSector("101_NX"));
        Assert.Null(universe.FindSector("001_XX"));
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
