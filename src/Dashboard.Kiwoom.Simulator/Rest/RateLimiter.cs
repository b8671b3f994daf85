using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>Per app key and api-id: at most N requests in any one-second window (the observed "유량=5").</summary>
public sealed class RateLimiter(IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Key, string ApiId), Queue<long>> _windows = new();

    /// <summary>Overrides the configured limit at run time (control surface); null restores it.</summary>
    public int? LimitOverride { get; set; }

    /// <summary>While set, every TR request is answered with 1700/429 (control surface); the token call (au10001) is not: it has its own limiter.</summary>
    public bool ForceLimited { get; set; }

    public int Limit => LimitOverride ?? options.Value.RateLimitPerSecond;

    public bool TryAcquire(string appKey, string apiId)
    {
        if (ForceLimited)
        {
            return false;
        }

        var now = clock.GetTimestamp();
        var window = clock.TimestampFrequency;
        var q = _windows.GetOrAdd((appKey, apiId), static _ => new Queue<long>());
        lock (q)
        {
            while (q.Count > 0 && now - q.Peek() >= window)
            {
                q.Dequeue();
            }

            if (q.Count >= Limit)
            {
                return false;
            }

            q.Enqueue(now);
            return true;
        }
    }
}
