using Xunit.Abstractions;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest.Tests;

/// <summary>
/// S1 and a small S4 step of the bench command, shortened, with the headless tabs in this process. It fails
/// only when the plumbing is broken (a tab that cannot start its circuit, no ticks, no render batches,
/// no latency measured end to end, an error from the server), never on a timing figure.
/// </summary>
public sealed class LiveLoadSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task S1AndS4TabsStartTheirCircuitsAndReceiveLiveRenders()
    {
        var options = BenchOptions.Parse(["S1", "S4", "--ramp", "5", "--seconds", "15", "--warmup", "3", "--no-baseline"]);
        Assert.Null(options.Error);
        var log = new StringWriter();

        var report = await BenchRun.RunAsync(options, log, tabsInProcess: true);

        var results = report.Phases;
        var table = new StringWriter();
        report.Write(options, table);
        output.WriteLine(log.ToString());
        output.WriteLine(table.ToString());
        Assert.Equal([("S1", 1), ("S4", 5)], results.Select(r => (r.Scenario, r.Tabs)));

        // The table says what the tabs really opened (QUALITY.md's 40-stock page, a team watchlist) and how quotes reached them.
        var pages = table.ToString().Split('\n').Single(line => line.StartsWith("Pages:", StringComparison.Ordinal));
        Assert.Contains("/watchlists/", pages, StringComparison.Ordinal);
        Assert.Contains("a team watchlist of 40 stocks", pages, StringComparison.Ordinal);
        Assert.Contains("Shared team quotes off", pages, StringComparison.Ordinal);
        Assert.All(results, r =>
        {
            Assert.Equal((r.Tabs, 0), (r.Running, r.Failed));
            Assert.True(r.Errors == 0, r.FirstError);
            Assert.True(r.TicksPerSecond > 0, "no realtime ticks reached the server");
            Assert.True(r.BatchesPerSecondPerPage > 0, "no render batch reached the tabs");
            Assert.True(r.Latency[BrokerMetrics.EmitToReceive].Count > 0, "no frame carried the simulator's emit time");
            Assert.True(r.Latency[BrokerMetrics.ReceiveToParse].Count > 0, "no tick became a live value (t2)");
            Assert.True(r.Latency[BrokerMetrics.ReceiveToRenderRequest].Count > 0, "no page asked to render a tick (t3)");
            Assert.True(r.Latency[BrokerMetrics.EmitToRenderSent].Count > 0, "no render batch was metered from emit to sent (t4)");
        });
    }

    [Theory]
    [InlineData(new string[0], "name at least one scenario")]
    [InlineData(new[] { "S9" }, "unknown scenario or option 'S9'")]
    [InlineData(new[] { "S4", "--ramp", "10,x" }, "bad value")]
    [InlineData(new[] { "S1", "--seconds", "0" }, "must be positive")]
    [InlineData(new[] { "S6", "--fault-rounds", "0" }, "--fault-rounds 1-100")]
    [InlineData(new[] { "S3", "--members", "-1" }, "--members 1-500")]
    [InlineData(new[] { "S5" }, "S5 is bench/Dashboard.Benchmarks s5")]
    [InlineData(new[] { "S2", "--symbols", "0" }, "--symbols takes 1-")]
    [InlineData(new[] { "S6", "--faults", "drop,quake" }, "--faults takes a comma-separated list")]
    [InlineData(new[] { "S1", "--seconds" }, "--seconds needs a value")]
    public void BadArgumentsGetAClearMessage(string[] args, string expected)
    {
        var options = BenchOptions.Parse(args);

        Assert.Contains(expected, options.Error, StringComparison.Ordinal);
    }
}
