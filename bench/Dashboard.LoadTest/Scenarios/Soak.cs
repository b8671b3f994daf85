using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>One reading of the host process during the soak.</summary>
internal sealed record SoakSample(double Minutes, double WorkingSetMb, double HeapMb, int Gen2, int Handles, long Circuits, long Sessions, long Ticks, double TickToBatchP99);

internal sealed record SoakResult(int Tabs, int Running, IReadOnlyList<SoakSample> Samples, double WorkingSetSlopePercentPerHour, double HeapSlopePercentPerHour, int Gen2, int HandleDrift, long CircuitDrift, string CircuitInstrument);

/// <summary>
/// S7 soak: N members with one tab each on the live market overview for the whole window (2 hours in the
/// documented run), the host sampled every interval: working set, managed heap after the last collection,
/// gen-2 collections, open handles, and ASP.NET Core's active-circuit gauge. Reported: memory slope per hour
/// (least squares after the first sample, as % of the first sample), gen-2 count, handle and circuit drift
/// from first to last sample, and each interval's tick-to-batch p99 (does latency drift over the hours?).
/// The latency recorder is cut at every sample: holding two hours of per-tick values (millions of doubles)
/// would be the bench's own memory growing inside the host it measures.
/// </summary>
internal static class Soak
{
    public static async Task<SoakResult> RunAsync(BenchHost host, LatencyRecorder latency, IReadOnlyList<string> cookies, BenchOptions options, TextWriter log, bool tabsInProcess)
    {
        using var circuits = new CircuitGauge();
        await using ITabs tabs = tabsInProcess
            ? new InProcessTabs(host.Address, cookies, PhaseRunner.Page)
            : GeneratorProcess.Start(host.Address, cookies, PhaseRunner.Page);
        var (running, failed, firstError) = await tabs.WaitReadyAsync();
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} S7: {running} tabs running, {failed} failed{(firstError is null ? "" : ": " + firstError)}; warming up {options.Warmup.TotalSeconds:0} s, then {options.Window.TotalMinutes:0.#} min sampled every {options.SoakSample.TotalSeconds:0} s");
        await Task.Delay(options.Warmup);
        var self = Process.GetCurrentProcess();
        var gen2Before = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var samples = new List<SoakSample>();
        latency.Cut();

        // Bounded by the window: one sample per interval, plus the last.
        while (true)
        {
            self.Refresh();
            var interval = latency.Cut();
            samples.Add(new SoakSample(
                clock.Elapsed.TotalMinutes, self.WorkingSet64 / 1_048_576.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1_048_576.0,
                GC.CollectionCount(2) - gen2Before, self.HandleCount, circuits.Active, host.Metrics.Sessions, host.Metrics.Ticks,
                interval[BrokerMetrics.EmitToRenderSent].P99));
            log.WriteLine("  " + Row(samples[^1]));
            var left = options.Window - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(left < options.SoakSample ? left : options.SoakSample);
        }

        await tabs.StopAsync();
        return new SoakResult(
            cookies.Count, running, samples, SlopePercentPerHour(samples, s => s.WorkingSetMb), SlopePercentPerHour(samples, s => s.HeapMb),
            samples[^1].Gen2, samples[^1].Handles - samples[0].Handles, samples[^1].Circuits - samples[0].Circuits, circuits.Instrument ?? "not published");
    }

    public static void Write(SoakResult r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S7 soak: {r.Running}/{r.Tabs} tabs for {r.Samples[^1].Minutes:0.0} min; working set slope {r.WorkingSetSlopePercentPerHour:+0.0;-0.0} %/h, managed heap slope {r.HeapSlopePercentPerHour:+0.0;-0.0} %/h (least squares, % of the first sample); gen-2 collections {r.Gen2}; handles drift {r.HandleDrift:+0;-0;0}; active circuits drift {r.CircuitDrift:+0;-0;0} ({r.CircuitInstrument})."));
        output.WriteLine();
        output.WriteLine("| minute | working set MB | heap MB | gen-2 | handles | circuits | sessions | ticks | tick-to-batch p99 ms (interval) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in r.Samples)
        {
            output.WriteLine(Row(s));
        }
    }

    private static string Row(SoakSample s) => string.Create(CultureInfo.InvariantCulture,
        $"| {s.Minutes:0.0} | {s.WorkingSetMb:0.0} | {s.HeapMb:0.0} | {s.Gen2} | {s.Handles} | {s.Circuits} | {s.Sessions} | {s.Ticks} | {s.TickToBatchP99:0.0} |");

    private static double SlopePercentPerHour(List<SoakSample> samples, Func<SoakSample, double> value)
    {
        if (samples.Count < 2)
        {
            return double.NaN;
        }

        var (mx, my) = (samples.Average(s => s.Minutes), samples.Average(value));
        var cov = samples.Sum(s => (s.Minutes - mx) * (value(s) - my));
        var varX = samples.Sum(s => (s.Minutes - mx) * (s.Minutes - mx));
        return varX == 0 ? double.NaN : cov / varX * 60 / value(samples[0]) * 100;
    }

    /// <summary>ASP.NET Core's active-circuit up-down counter (Microsoft.AspNetCore.Components.Server.Circuits), summed.</summary>
    private sealed class CircuitGauge : IDisposable
    {
        private readonly MeterListener listener = new();
        private long active;

        public CircuitGauge()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                    && instrument.Name.Contains("circuit", StringComparison.OrdinalIgnoreCase) && instrument.Name.Contains("active", StringComparison.OrdinalIgnoreCase))
                {
                    Instrument = instrument.Meter.Name + "/" + instrument.Name;
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref active, value));
            listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref active, value));
            listener.Start();
        }

        public string? Instrument { get; private set; }

        public long Active => Interlocked.Read(ref active);

        public void Dispose() => listener.Dispose();
    }
}
