using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Tests.Realtime;

public sealed class ReconnectBackoffTests
{
    private readonly RealtimeClientOptions _options = new();

    [Fact]
    public void CeilingDoublesFromOneSecondAndStopsAtThirty()
    {
        var backoff = new ReconnectBackoff(_options, () => 1);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(0, 7).Select(n => backoff.Ceiling(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Ceiling(10_000));
    }

    [Theory]
    [InlineData(0.0, 3, 1.0)]
    [InlineData(0.5, 3, 4.0)]
    [InlineData(0.999, 6, 29.97)]
    public void DelayIsFullJitterBelowTheCeilingButNeverUnderOneSecond(double random, int attempt, double expectedSeconds)
    {
        var backoff = new ReconnectBackoff(_options, () => random);

        Assert.Equal(expectedSeconds, backoff.Delay(attempt).TotalSeconds, precision: 3);
    }
}
