using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Token issues per client address in any one-minute window. The simulator may be reachable by anyone who can
/// reach the host, and every new app key opens an account: this keeps one address from minting them in bulk.
/// </summary>
public sealed class TokenIssueLimiter(IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);

    public int Limit => options.Value.TokenIssuesPerMinutePerAddress;

    public bool TryAcquire(IPAddress? address)
    {
        var now = clock.GetTimestamp();
        var window = clock.TimestampFrequency * 60;
        var q = _windows.GetOrAdd(address?.ToString() ?? "", static _ => new Queue<long>());
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
