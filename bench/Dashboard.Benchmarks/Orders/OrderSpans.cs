using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dashboard.Web.Orders;

namespace Dashboard.Benchmarks.Orders;

/// <summary>
/// Collects the order path's own stage histograms (meter <see cref="OrderMetrics.MeterName"/>) while the load
/// runs, and prints p50 / p99 per stage: where the server-side time of an order goes.
/// </summary>
internal sealed class OrderSpans : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> values = new(StringComparer.Ordinal);
    private volatile bool recording;

    public OrderSpans()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrderMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (recording)
            {
                values.GetOrAdd(instrument.Name, _ => new ConcurrentQueue<double>()).Enqueue(value);
            }
        });
        listener.Start();
    }

    public void Start() => recording = true;

    public void Stop() => recording = false;

    public void Print()
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| Stage (meter Dashboard.Orders, ms) | count | p50 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, queue) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var sorted = queue.Order().ToArray();
            Console.WriteLine(string.Create(inv, $"| {name["dashboard.orders.".Length..]} | {sorted.Length} | {At(sorted, 50):0.00} | {At(sorted, 99):0.00} | {sorted[^1]:0.00} |"));
        }
    }

    private static double At(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public void Dispose() => listener.Dispose();
}
