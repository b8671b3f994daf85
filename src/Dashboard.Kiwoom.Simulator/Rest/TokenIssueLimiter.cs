using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Counts, per client address in any one-minute window, the token requests that could do harm: those naming an
/// app key the simulator does not know yet (each opens an account) and those presenting a wrong secret (guessing).
/// A known key with its own secret is never counted, so reconnecting members and token refreshes are never
/// refused. A host whose own sessions all arrive from loopback (the dashboard embedding the simulator) exempts
/// loopback with <see cref="SimulatorOptions.TokenLimitExemptsLoopback"/>, while remote callers stay limited.
/// </summary>
public sealed class TokenIssueLimiter(IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);

    public int Limit => options.Value.TokenIssuesPerMinutePerAddress;

    /// <summary>
    /// True when requests from this caller are not counted at all. No address means no network peer (an in-process
    /// server, a Unix socket), which counts as this machine, as in RequireLoopbackCallers.
    /// </summary>
    public bool Exempts(IPAddress? address) =>
        options.Value.TokenLimitExemptsLoopback && (address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

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
