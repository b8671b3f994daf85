using System.Diagnostics.Metrics;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest;

/// <summary>
/// Listens to the broker meter's latency histograms (t1-t4) in the host and counts each window's values in
/// <see cref="LatencyBuckets"/>: no lock and no allocation per value. At 300 pages the host records tens of
/// thousands of values a second; the first version (a lock around growing lists) showed in a CPU trace of S4 as a
/// fifth of the host's lock contention, and its list growth fed the GC the bench was measuring.
/// </summary>
internal sealed class LatencyRecorder : IDisposable
{
    private static readonly string[] Instruments =
    [
        BrokerMetrics.EmitToReceive,
        BrokerMetrics.ReceiveToParse,
        BrokerMetrics.ReceiveToRenderRequest,
        BrokerMetrics.ReceiveToRenderSent,
        BrokerMetrics.EmitToRenderSent,
    ];

    private readonly MeterListener listener = new();
    private LatencyBuckets[] window = NewWindow();

    public LatencyRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            var index = Array.IndexOf(Instruments, instrument.Name);
            if (instrument.Meter.Name == BrokerMetrics.MeterName && index >= 0)
            {
                l.EnableMeasurementEvents(instrument, index);
            }
        };

        // A value recorded while Cut swaps the window may land in the one that just ended: one value, not a distortion.
        listener.SetMeasurementEventCallback<double>((_, value, _, state) => Volatile.Read(ref window)[(int)state!].Add(value));
        listener.Start();
    }

    /// <summary>Starts a new window and returns the values of the one that ends.</summary>
    public IReadOnlyDictionary<string, Distribution> Cut()
    {
        var ended = Interlocked.Exchange(ref window, NewWindow());
        return Instruments.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => ended[x.i].Distribution());
    }

    public void Dispose() => listener.Dispose();

    private static LatencyBuckets[] NewWindow() => [.. Instruments.Select(_ => new LatencyBuckets())];
}

/// <summary>
/// Counts of millisecond values in buckets 0.01 ms wide below 1 ms and 1 % wide above it (to about two hours), so a
/// percentile read from them is within 1 % of the exact one; the maximum is kept exactly. Safe to add to from any thread.
/// </summary>
internal sealed class LatencyBuckets
{
    private const int Linear = 100;
    private static readonly double LogStep = Math.Log(1.01);
    private readonly long[] counts = new long[Linear + 1_600];
    private long maxBits = BitConverter.DoubleToInt64Bits(double.NegativeInfinity);

    public void Add(double ms)
    {
        ms = Math.Max(ms, 0);
        Interlocked.Increment(ref counts[Index(ms)]);
        var seen = Interlocked.Read(ref maxBits);
        while (ms > BitConverter.Int64BitsToDouble(seen))
        {
            var found = Interlocked.CompareExchange(ref maxBits, BitConverter.DoubleToInt64Bits(ms), seen);
            if (found == seen)
            {
                break;
            }

            seen = found;
        }
    }

    /// <summary>p50/p99 as the upper edge of the bucket holding that rank (nearest rank), never above the maximum.</summary>
    public Distribution Distribution()
    {
        // Read once: values added while the percentiles are read then fall past the ranks looked for, never short of them.
        long total = 0;
        foreach (ref var bucket in counts.AsSpan())
        {
            total += Interlocked.Read(ref bucket);
        }

        if (total == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN);
        }

        var max = BitConverter.Int64BitsToDouble(Interlocked.Read(ref maxBits));
        return new Distribution((int)total, Math.Min(At(total, 0.50), max), Math.Min(At(total, 0.99), max), max) { P95 = Math.Min(At(total, 0.95), max) };
    }

    internal static int Index(double ms) => ms < 1
        ? (int)(ms * Linear)
        : Math.Min(Linear + (int)(Math.Log(ms) / LogStep), Linear + 1_599);

    internal static double UpperEdge(int index) => index < Linear ? (index + 1) / (double)Linear : Math.Exp((index - Linear + 1) * LogStep);

    private double At(long total, double q)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += Interlocked.Read(ref counts[i]);
            if (seen >= rank)
            {
                return UpperEdge(i);
            }
        }

        return double.NaN; // Unreachable: the counts only grow, so the scan reaches every rank of the total read before it.
    }
}

/// <summary>p50/p99/max of one histogram's window, in milliseconds.</summary>
internal sealed record Distribution(int Count, double P50, double P99, double Max)
{
    /// <summary>For recovery times (S6's target is a p95).</summary>
    public double P95 { get; init; } = double.NaN;

    public static Distribution Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN);
        }

        samples.Sort();
        return new Distribution(samples.Count, At(samples, 0.50), At(samples, 0.99), samples[^1]) { P95 = At(samples, 0.95) };
    }

    // Nearest rank: the smallest sample with at least q of the samples at or below it.
    private static double At(List<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
