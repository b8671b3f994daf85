using System.Diagnostics;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest;

/// <summary>One measured run: N headless tabs of one page, optimized or naive, for one window.</summary>
internal sealed record PhaseResult(
    string Scenario,
    int Tabs,
    bool Naive,
    int Running,
    int Failed,
    double TicksPerSecond,
    IReadOnlyDictionary<string, Distribution> Latency,
    double BatchesPerSecondPerPage,
    double ServerRendersPerSecond,
    long MaxUnacked,
    double ServerCpuPercent,
    double GeneratorCpuPercent,
    double MegabytesPerCircuit,
    int Errors,
    string? FirstError,
    string JsCalls);

/// <param name="page">What every tab opens (a path under the host): the market overview unless told otherwise.</param>
internal sealed class PhaseRunner(BenchHost host, LatencyRecorder latency, IReadOnlyList<string> cookies, TimeSpan warmup, TimeSpan window, TextWriter log, bool tabsInProcess = false, string page = BenchSymbols.OverviewPage)
{
    /// <summary>The page of S3, S6 and S7: the market overview.</summary>
    public const string Page = BenchSymbols.OverviewPage;

    /// <param name="during">What happens in the measured window (S3's burst); by default the window just passes.</param>
    public async Task<PhaseResult> RunAsync(string scenario, int tabs, bool naive, Func<TimeSpan, Task>? during = null)
    {
        if (tabs > cookies.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(tabs), $"only {cookies.Count} members were created");
        }

        host.BrokerOptions.NaiveRenderingForBenchmark = naive;
        await WaitForNoSessionsAsync();
        var heapBefore = SettledHeap();
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {scenario}: {tabs} tab(s), {(naive ? "naive baseline" : "optimized")}: connecting");
        await using ITabs generator = tabsInProcess
            ? new InProcessTabs(host.Address, [.. cookies.Take(tabs)], page)
            : GeneratorProcess.Start(host.Address, [.. cookies.Take(tabs)], page);
        var (running, failed, firstError) = await generator.WaitReadyAsync();
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss}   {running} running, {failed} failed{(firstError is null ? "" : ": " + firstError)}; warming up {warmup.TotalSeconds:0} s");
        await Task.Delay(warmup);

        var metrics = host.Metrics;
        var self = Process.GetCurrentProcess();
        latency.Cut();
        self.Refresh();
        var (ticks, renders, cpu) = (metrics.Ticks, metrics.Renders, self.TotalProcessorTime);
        var wall = Stopwatch.StartNew();
        await generator.MarkAsync();
        await (during?.Invoke(window) ?? Task.Delay(window));
        var distributions = latency.Cut();
        self.Refresh();
        var seconds = wall.Elapsed.TotalSeconds;
        var (ticksIn, rendersOut, cpuUsed) = (metrics.Ticks - ticks, metrics.Renders - renders, self.TotalProcessorTime - cpu);

        // The heap with every circuit still open, after a full collection, against the heap before any.
        var heapDuring = SettledHeap();
        var generated = await generator.StopAsync();
        var cores = Environment.ProcessorCount;
        return new PhaseResult(
            scenario, tabs, naive, running, failed, ticksIn / seconds, distributions,
            running == 0 ? 0 : generated.Batches / (generated.WallMs / 1000) / running,
            rendersOut / seconds,
            generated.MaxInFlight,
            cpuUsed.TotalMilliseconds / (seconds * 1000 * cores) * 100,
            generated.CpuMs / (generated.WallMs * cores) * 100,
            running == 0 ? double.NaN : (heapDuring - heapBefore) / 1_048_576.0 / running,
            generated.Errors, generated.FirstError ?? firstError, generated.JsCalls);
    }

    internal static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task WaitForNoSessionsAsync()
    {
        // Bounded: sessions close one grace period (1 s here) after their last circuit.
        for (var k = 0; k < 60 && host.Registry.Count > 0; k++)
        {
            await Task.Delay(500);
        }
    }
}
