namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>The load-test mode: a fixed number of trades per second per configured listing, and no VI.</summary>
public sealed class FixedTickRateTests
{
    private static readonly string[] Codes = ["005930", "000660", "035720"];

    [Fact]
    public async Task EachConfiguredListingTradesExactlyTheRateAndNothingElseTrades()
    {
        await using var sim = await FixedRateAsync(2.5, o => o.TradesPerStep = 500);
        var recorder = new MarketRecorder();
        sim.Market.AddObserver(recorder);

        // 40 steps of 100 ms = 4 s: 2.5/s gives exactly 10 trades each (half-trades carried between steps).
        for (var n = 0; n < 40; n++)
        {
            sim.Clock.Advance(TimeSpan.FromMilliseconds(100));
            sim.Control.Step();
        }

        Assert.Equal(Codes.Order(), recorder.Trades.Keys.Order());
        Assert.All(Codes, code => Assert.Equal(10, recorder.Trades[code]));
    }

    [Fact]
    public async Task ListingsBelowOneTradePerStepTradeInStaggeredStepsNotAllInTheSameOne()
    {
        await using var sim = await FixedRateAsync(2);
        var recorder = new MarketRecorder();
        sim.Market.AddObserver(recorder);

        // 2/s at 100 ms steps is a fifth of a trade per step: each listing trades every fifth step, each in its own step.
        var tradingPerStep = new List<int>();
        for (var n = 0; n < 20; n++)
        {
            var before = Codes.Select(c => recorder.Trades.GetValueOrDefault(c)).ToArray();
            sim.Clock.Advance(TimeSpan.FromMilliseconds(100));
            sim.Control.Step();
            tradingPerStep.Add(Codes.Where((c, k) => recorder.Trades.GetValueOrDefault(c) > before[k]).Count());
        }

        Assert.All(Codes, code => Assert.Equal(4, recorder.Trades[code]));
        Assert.All(tradingPerStep, count => Assert.True(count <= 1, $"listings trading per step: {string.Join(",", tradingPerStep)}"));
    }

    [Fact]
    public async Task NoViStartsHoweverLongTheWalkRuns()
    {
        await using var sim = await FixedRateAsync(50);

        // 3,000 trades per listing: the unconstrained walk of these small caps and big names reaches a VI
        // band long before that (the seeded market halts them every run).
        for (var n = 0; n < 600; n++)
        {
            sim.Clock.Advance(TimeSpan.FromMilliseconds(100));
            sim.Control.Step();
        }

        Assert.Empty(sim.Market.ViLog());
        Assert.All(Codes, code => Assert.False(sim.Market.Read(u => u.ByCode[code].InVi)));
    }

    [Fact]
    public async Task AnUnknownCodeIsRefusedWithItsName()
    {
        await using var sim = await SimulatorHost.StartAsync(o =>
        {
            o.FixedTicksPerSecond = 1;
            o.FixedTickCodes = ["999999"];
        });

        var error = Assert.Throws<ArgumentException>(() => sim.Control.Step());
        Assert.Contains("999999", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A simulator in the fixed-rate mode for <see cref="Codes"/>; steps are driven by the test (pings far apart).</summary>
    private static Task<SimulatorHost> FixedRateAsync(double ticksPerSecond, Action<SimulatorOptions>? configure = null) =>
        SimulatorHost.StartAsync(o =>
        {
            o.FixedTicksPerSecond = ticksPerSecond;
            o.FixedTickCodes = [.. Codes];
            o.PingInterval = TimeSpan.FromMinutes(30);
            configure?.Invoke(o);
        });
}
