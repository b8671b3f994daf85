namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// A machine whose wall clock is off by <paramref name="skew"/> (an NTP-less VM, a wrong time zone setting): only
/// the time of day is shifted; timestamps, timers and delays run at the real pace, as they do on such a machine.
/// </summary>
internal sealed class SkewedClock(TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
}
