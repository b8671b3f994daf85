namespace Dashboard.LoadTest.Tests;

/// <summary>The bench's latency counts: percentiles within the buckets' 1 % of the exact ones, nothing lost across threads.</summary>
public sealed class LatencyBucketsTests
{
    [Fact]
    public void PercentilesAreWithinOnePercentOfTheExactOnesAndTheMaximumIsExact()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 7) - 0.5).ToList();
        var buckets = new LatencyBuckets();
        values.ForEach(buckets.Add);

        var counted = buckets.Distribution();
        var exact = Distribution.Of([.. values]);

        Assert.Equal(values.Count, counted.Count);
        Assert.Equal(exact.Max, counted.Max);
        Assert.InRange(counted.P50, exact.P50, Math.Max(exact.P50 * 1.01, exact.P50 + 0.01));
        Assert.InRange(counted.P95, exact.P95, exact.P95 * 1.01);
        Assert.InRange(counted.P99, exact.P99, exact.P99 * 1.01);
    }

    [Fact]
    public void ValuesBelowOneMillisecondKeepAHundredthOfAMillisecond()
    {
        var buckets = new LatencyBuckets();
        foreach (var ms in new[] { 0.0, 0.004, 0.123, 0.5, 0.999 })
        {
            buckets.Add(ms);
        }

        // The median (third of five) is 0.123: its bucket's upper edge is at most a hundredth above it.
        var counted = buckets.Distribution();
        Assert.InRange(counted.P50, 0.123, 0.133);
        Assert.Equal(0.999, counted.Max);
    }

    [Fact]
    public async Task AddsFromManyThreadsAreAllCounted()
    {
        var buckets = new LatencyBuckets();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var n = 0; n < 10_000; n++)
            {
                buckets.Add(t + n % 100);
            }
        })));

        var counted = buckets.Distribution();
        Assert.Equal(80_000, counted.Count);
        Assert.Equal(106, counted.Max);
    }

    [Fact]
    public void AnEmptyWindowHasNoPercentiles()
    {
        var counted = new LatencyBuckets().Distribution();
        Assert.Equal(0, counted.Count);
        Assert.True(double.IsNaN(counted.P99));
    }
}
