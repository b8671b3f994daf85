using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>The dynamic VI band follows KRX: 3% for KOSPI200 constituents (as the simulator's ka20002 lists them), 6% otherwise, tighter at the close.</summary>
public sealed class ViRuleTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    [Fact]
    public async Task DynamicViBandIsThreePercentExactlyForTheKospi200MembersKa20002Lists()
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var body = new { mrkt_tp = "2", inds_cd = "201", stex_tp = "1" };
        for (var page = await shared.Sim.CallAsync("ka20002", "/api/dostk/sect", body, shared.Token); ; page = await shared.Sim.CallAsync("ka20002", "/api/dostk/sect", body, shared.Token, "Y", page.NextKey))
        {
            members.UnionWith(page.Root.GetProperty("inds_stkpc").EnumerateArray().Select(r => r.GetProperty("stk_cd").GetString()!));
            if (page.ContYn != "Y" || members.Count > 1_000)
            {
                break;
            }
        }

        var now = shared.Sim.Clock.GetUtcNow();
        var bands = shared.Sim.Market.Read(u => u.Stocks.Select(s => (s.Code, s.Market, Band: shared.Sim.Market.DynamicViPercent(s, now))).ToArray());

        var (kospi, index) = shared.Sim.Market.Read(u => (u.Stocks.Count(s => s.Market == "KOSPI"), u.Kospi200.Count));
        Assert.Equal(index, members.Count);
        Assert.InRange(members.Count, kospi / 2, kospi - 1);
        Assert.All(bands, b => Assert.Equal(members.Contains(b.Code) ? 3m : 6m, b.Band));
        Assert.Contains(bands, b => b.Market == "KOSPI" && b.Band == 6m);
        Assert.All(bands.Where(b => b.Market == "KOSDAQ"), b => Assert.Equal(6m, b.Band));
    }

    [Theory]
    [InlineData(10, 0, 3, 6)]
    [InlineData(15, 25, 2, 4)]
    public async Task ClosingSinglePriceSessionTightensTheDynamicBand(int hour, int minute, int kospi200Band, int otherBand)
    {
        var kst = new DateTimeOffset(2026, 3, 10, hour, minute, 0, TimeSpan.FromHours(9));
        await using var sim = await SimulatorHost.StartAsync(o => o.KrxCalendar = true, kst);
        var now = sim.Clock.GetUtcNow();

        var (member, other) = sim.Market.Read(u => (
            sim.Market.DynamicViPercent(u.ByCode["005930"], now),
            sim.Market.DynamicViPercent(u.Stocks.First(s => s.Market == "KOSPI" && !u.Kospi200.Contains(s.Code)), now)));

        Assert.Equal(kospi200Band, member);
        Assert.Equal(otherBand, other);
        Assert.Equal(10m, ViRule.StaticPercent);
    }
}
