using Dashboard.LoadTest.Chromium;
using Dashboard.LoadTest.Scenarios;
using Xunit.Abstractions;

namespace Dashboard.LoadTest.Tests;

/// <summary>
/// S3, S6 and S7 of the bench command, shrunk to two members and a few seconds, tabs in this process. Plumbing
/// only, no timing threshold: the burst runs and every fill (00) and VI (1h) pushed during it reaches every
/// member's session; each fault is injected through the simulator's controls and every member's session gets
/// a tick again, with no order at the simulator beyond those accepted; the soak samples the host.
/// </summary>
public sealed class ScenarioSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TeamPeakFaultsAndSoakRunEndToEndWithNothingDroppedOrDuplicated()
    {
        var options = BenchOptions.Parse(["S3", "S6", "S7", "--members", "2", "--seconds", "6", "--warmup", "2", "--burst-seconds", "3",
            "--sample", "2", "--no-baseline", "--real-data-timeout", "3", "--stable-after", "2"]);
        Assert.Null(options.Error);
        var log = new StringWriter();

        var report = await BenchRun.RunAsync(options, log, tabsInProcess: true);

        var table = new StringWriter();
        report.Write(options, table);
        output.WriteLine(log.ToString());
        output.WriteLine(table.ToString());

        var peak = Assert.Single(report.TeamPeak);
        Assert.Equal((4, 0), (peak.Burst.Running, peak.Burst.Failed));
        Assert.True(peak.Burst.TicksPerSecond > 0, "no ticks during the burst");
        Assert.True(peak.Events.OrdersAccepted > 0, "no order was accepted during the burst");
        Assert.True(peak.Events.ViExpected > 0, "no VI was triggered during the burst");
        Assert.Equal(0, peak.Events.FillsDropped);
        Assert.Equal(0, peak.Events.ViDropped);
        Assert.Equal(0, peak.Events.FillsOutOfOrder);

        Assert.Equal(FaultRun.Faults, report.Faults.Select(f => f.Fault));
        Assert.All(report.Faults, f =>
        {
            Assert.True(f.Recovered == f.Members, $"{f.Fault}: {f.Recovered} of {f.Members} sessions got a tick again");
            Assert.True(f.OrdersAccepted > 0, $"{f.Fault}: no order accepted after the fault");
            Assert.Equal(0, f.Duplicates);
        });
        Assert.Equal(2, report.Faults.Single(f => f.Fault == "silence").Detection.Count);
        Assert.Equal(2, report.Faults.Single(f => f.Fault == "8005").QueriesOk);

        // REL-04's floor, guaranteed by the client (not a timing target): never two attempts of one member within 1 s.
        var flap = report.Faults.Single(f => f.Fault == "flap");
        Assert.True(flap.Reconnects >= 2 * FaultRun.Flaps, $"{flap.Reconnects} reconnects for {FaultRun.Flaps} drops of 2 links");
        Assert.True(flap.MinAttemptGapSeconds >= 0.95, $"attempts {flap.MinAttemptGapSeconds:0.00} s apart");

        var soak = Assert.IsType<SoakResult>(report.Soak);
        Assert.Equal(2, soak.Running);
        Assert.True(soak.Samples.Count >= 3, $"{soak.Samples.Count} samples");
        Assert.Contains("circuit", soak.CircuitInstrument, StringComparison.Ordinal);
        Assert.All(soak.Samples, s => Assert.True(s.Circuits >= 2, $"{s.Circuits} active circuits at minute {s.Minutes:0.0}"));
        Assert.False(report.Broken);
    }

    [Fact]
    public async Task MemoryBreakdownOpensSessionsThenTabsOnThemAndReportsBoth()
    {
        var options = BenchOptions.Parse(["MEM", "--members", "2", "--warmup", "2", "--symbols", "5"]);
        Assert.Null(options.Error);
        var log = new StringWriter();

        var report = await BenchRun.RunAsync(options, log, tabsInProcess: true);

        var table = new StringWriter();
        report.Write(options, table);
        output.WriteLine(log.ToString());
        output.WriteLine(table.ToString());
        var memory = Assert.IsType<MemoryResult>(report.Memory);
        Assert.Equal((2, 5, 2), (memory.Members, memory.Symbols, memory.Running));
        Assert.StartsWith("watchlists/", memory.Page, StringComparison.Ordinal);
        Assert.True(double.IsFinite(memory.SessionsMb) && double.IsFinite(memory.FirstTabMb) && double.IsFinite(memory.CircuitMb) && double.IsFinite(memory.SecondBatchMb) && double.IsFinite(memory.AveragedMb), table.ToString());
        Assert.Contains($"| 2 | 5 | /{memory.Page} | 2 |", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("MEM: first tab running", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("MEM: second batch: 2 tabs running, 0 failed", log.ToString(), StringComparison.Ordinal);

        // The census counted the first tab's circuit beside the two others.
        Assert.Contains("Circuit census (3 circuits", table.ToString(), StringComparison.Ordinal);
        Assert.False(report.Broken);
    }

    [Theory]
    [InlineData(new[] { "--symbols", "0" }, "--symbols takes 1-")]
    [InlineData(new[] { "--tabs", "0" }, "--tabs must be 1-10")]
    [InlineData(new[] { "--tabs", "1,x" }, "bad value")]
    [InlineData(new[] { "--frames" }, "unknown option '--frames'")]
    public void ChromiumModeRefusesBadArgumentsWithAClearMessage(string[] args, string expected)
    {
        Assert.Contains(expected, ChromiumOptions.Parse(args).Error, StringComparison.Ordinal);
    }
}
