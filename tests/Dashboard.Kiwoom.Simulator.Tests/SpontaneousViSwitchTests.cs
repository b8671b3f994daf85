namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// <c>Simulator:SpontaneousVi</c>: on (the default) the random walk starts VIs by itself; off, only a deliberate
/// trigger does, so a browser journey never waits out a VI it did not ask for.
/// </summary>
public sealed class SpontaneousViSwitchTests
{
    // 1,500 steps of 20 trades: the seeded walk starts several VIs in that many trades (checked by the first test).
    private const int Steps = 1_500;

    [Fact]
    public async Task ByDefaultTheWalkStartsVisByItself()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));

        sim.Control.Step(Steps);

        Assert.NotEmpty(sim.Market.ViLog());
    }

    [Fact]
    public async Task SwitchedOffTheWalkNeverStartsAViAndStaysInsideTheStaticBand()
    {
        await using var sim = await SimulatorHost.StartAsync(o =>
        {
            o.PingInterval = TimeSpan.FromMinutes(30);
            o.SpontaneousVi = false;
        });

        sim.Control.Step(Steps);

        Assert.Empty(sim.Market.ViLog());
        Assert.All(sim.Market.Universe.Stocks, s => Assert.True(
            Math.Abs(s.Last - s.StaticReference) * 100m / s.StaticReference < 10m,
            $"{s.Code} at {s.Last} from its reference {s.StaticReference}"));
        Assert.True(sim.Market.TradeCount > Steps * 10, "the market still trades");
    }

    [Fact]
    public async Task SwitchedOffATriggeredViStillHaltsAndReleasesWithItsAuctionPrint()
    {
        await using var sim = await SimulatorHost.StartAsync(o =>
        {
            o.PingInterval = TimeSpan.FromMinutes(30);
            o.SpontaneousVi = false;
        });

        var vi = sim.Control.TriggerVi("005930", upward: true);
        Assert.True(sim.Market.Read(u => u.ByCode["005930"].InVi));

        sim.Clock.Advance(vi.ReleaseAt - sim.Clock.GetUtcNow() + TimeSpan.FromMilliseconds(1));
        sim.Control.Step();

        Assert.False(sim.Market.Read(u => u.ByCode["005930"].InVi));
        var logged = Assert.Single(sim.Market.ViLog());
        Assert.Equal(vi.ReleaseAt, logged.ReleasedAt);
    }
}
