using System.Diagnostics.Metrics;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest;

/// <summary>Listens to the broker meter's latency histograms (t1-t4) in the host and keeps every value of the current window.</summary>
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
    private readonly Lock gate = new();
    private Dictionary<string, List<double>> values = NewWindow();

    public LatencyRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BrokerMetrics.MeterName && Instruments.Contains(instrument.Name))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (gate)
            {
                values[instrument.Name].Add(value);
            }
        });
        listener.Start();
    }

    /// <summary>Starts a new window and returns the values of the one that ends.</summary>
    public IReadOnlyDictionary<string, Distribution> Cut()
    {
        Dictionary<string, List<double>> ended;
        lock (gate)
        {
            ended = values;
            values = NewWindow();
        }

        return ended.ToDictionary(kv => kv.Key, kv => Distribution.Of(kv.Value));
    }

    public void Dispose() => listener.Dispose();

    private static Dictionary<string, List<double>> NewWindow() => Instruments.ToDictionary(i => i, _ => new List<double>());
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
