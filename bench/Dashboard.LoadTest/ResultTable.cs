using System.Globalization;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest;

/// <summary>Prints the run as one Markdown table, each optimized row followed by its naive baseline, and the S4 knee.</summary>
internal static class ResultTable
{
    public const double KneeP99Milliseconds = 250;
    public const double KneeCpuPercent = 85;

    public static void Write(IReadOnlyList<PhaseResult> results, BenchOptions options, BenchSymbols symbols, bool sharedQuotes, TextWriter output)
    {
        output.WriteLine($"Pages: /{symbols.Page}, {symbols.Describe()}. {SharedQuotesText(sharedQuotes)}. Ticks: {options.TicksPerSecondPerSymbol.ToString(CultureInfo.InvariantCulture)}/s on each stock (simulator fixed-rate mode); window {options.Window.TotalSeconds:0} s after {options.Warmup.TotalSeconds:0} s warm-up; {Environment.ProcessorCount} cores; host GC {(System.Runtime.GCSettings.IsServerGC ? "Server" : "Workstation")}; load average at the end {LoadAverage()}.");
        output.WriteLine("Latencies in ms (p50 / p99 / max). emit = simulator built the frame, t1 received, t2 parsed, t3 render requested, t4 render batch sent. CPU in % of all cores; the server process includes the embedded simulator.");
        output.WriteLine();
        output.WriteLine("| Scenario | tabs | mode | running/failed | ticks in/s | emit→t1 | t1→t2 p50/p99 | t1→t3 p50/p99 | t1→t4 | emit→t4 (tick-to-batch) | batches/s/page | renders/s (server) | max unacked | server CPU % | generator CPU % | MB/circuit | errors |");
        output.WriteLine("|---|---:|---|---|---:|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            output.WriteLine(Row(r));
        }

        foreach (var naive in new[] { false, true })
        {
            var ramp = results.Where(r => r.Scenario == "S4" && r.Naive == naive).OrderBy(r => r.Tabs).ToList();
            if (ramp.Count == 0)
            {
                continue;
            }

            var within = ramp.TakeWhile(WithinKnee).LastOrDefault();
            output.WriteLine();
            output.WriteLine($"S4 knee ({(naive ? "naive baseline" : "optimized")}, shared quotes {(sharedQuotes ? "on" : "off")}): {(within is null ? "below the first step" : within.Tabs + " tabs")} "
                + $"(largest step with emit→t4 p99 ≤ {KneeP99Milliseconds} ms, server CPU ≤ {KneeCpuPercent} % and every tab running; steps {string.Join(",", ramp.Select(r => r.Tabs))}).");
        }

        output.WriteLine();
        output.WriteLine("JS interop calls answered (first phase): " + results.FirstOrDefault()?.JsCalls);
    }

    /// <summary>One phase as a table row (also printed as each phase ends, so a crash later loses nothing).</summary>
    public static string Row(PhaseResult r)
    {
        var l = r.Latency;
        return string.Join(" | ",
            "| " + r.Scenario, r.Tabs, r.Naive ? "naive baseline" : "optimized", $"{r.Running}/{r.Failed}", F(r.TicksPerSecond, "0"),
            Full(l[BrokerMetrics.EmitToReceive]), Short(l[BrokerMetrics.ReceiveToParse]), Short(l[BrokerMetrics.ReceiveToRenderRequest]),
            Full(l[BrokerMetrics.ReceiveToRenderSent]), Full(l[BrokerMetrics.EmitToRenderSent]),
            F(r.BatchesPerSecondPerPage, "0.0"), F(r.ServerRendersPerSecond, "0"), r.MaxUnacked, F(r.ServerCpuPercent, "0.0"), F(r.GeneratorCpuPercent, "0.0"),
            F(r.MegabytesPerCircuit, "0.00"), (r.Errors == 0 ? "0" : $"{r.Errors}: {r.FirstError}") + " |");
    }

    public static string SharedQuotesText(bool on) => on
        ? "Shared team quotes on (Broker:SharedQuotes: one upstream registration per symbol for all members)"
        : "Shared team quotes off (each member's own socket carries their page's registrations)";

    private static bool WithinKnee(PhaseResult r) =>
        r.Failed == 0 && r.Latency[BrokerMetrics.EmitToRenderSent].P99 <= KneeP99Milliseconds && r.ServerCpuPercent <= KneeCpuPercent;

    private static string Full(Distribution d) => d.Count == 0 ? "–" : $"{F(d.P50, "0.0")} / {F(d.P99, "0.0")} / {F(d.Max, "0")}";

    private static string Short(Distribution d) => d.Count == 0 ? "–" : $"{F(d.P50, "0.00")} / {F(d.P99, "0.0")}";

    private static string F(double value, string format) => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
