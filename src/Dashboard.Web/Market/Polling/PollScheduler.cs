using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Market.Polling;

/// <summary>
/// Plans the periodic refreshes of every polling screen of a member (all tabs and devices of one app key)
/// inside the key's query budget. The requests themselves still wait in the library's per-key token
/// bucket (<see cref="Dashboard.Kiwoom.RateLimiting.KiwoomRateLimiter"/>), the one limiter; this only decides
/// when each screen asks, so that several screens slow down together instead of one starving behind the others.
/// </summary>
public sealed class PollScheduler
{
    private readonly ConcurrentDictionary<string, MemberPollLoop> loops = new(StringComparer.Ordinal);
    private readonly KiwoomClientOptions client;
    private readonly PollingOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<PollScheduler> logger;

    public PollScheduler(IOptions<KiwoomClientOptions> client, IOptions<PollingOptions> options, TimeProvider time, ILogger<PollScheduler> logger)
    {
        this.client = client.Value;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Schedules <paramref name="refresh"/> about every <paramref name="every"/> (slower when the member's
    /// screens together want more than the budget). The first call comes one interval from now: the screen
    /// has just loaded. <paramref name="requestsPerRefresh"/> is how many query TRs one refresh sends.
    /// </summary>
    public PollHandle Register(IBrokerSession session, string screen, TimeSpan every, Func<CancellationToken, Task<PollOutcome>> refresh, int requestsPerRefresh = 1)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerRefresh, 1);
        while (true)
        {
            var loop = loops.GetOrAdd(session.KeyId, key => new MemberPollLoop(key, BudgetPerSecond(session.Environment), options, time, logger, Ended));
            if (loop.TryAdd(screen, every, requestsPerRefresh, refresh) is { } handle)
            {
                return handle;
            }

            // That loop ended between the lookup and the add: it is leaving the dictionary; take a fresh one.
            loops.TryRemove(KeyValuePair.Create(session.KeyId, loop));
        }
    }

    /// <summary>The member's planning loop, for tests.</summary>
    internal MemberPollLoop? LoopOf(string keyId) => loops.GetValueOrDefault(keyId);

    /// <summary>
    /// Query requests per second polling may plan for: the share of the same per-key limit the library's
    /// rate limiter applies (its rule: the mock host has its own, stricter number).
    /// </summary>
    private double BudgetPerSecond(KiwoomEnvironment environment) =>
        (environment == KiwoomEnvironment.Mock ? client.MockQueriesPerSecond : client.QueriesPerSecond) * options.BudgetShare;

    /// <summary>A loop whose last screen went away has ended; the next registration of the key starts a new one.</summary>
    private void Ended(MemberPollLoop loop) => loops.TryRemove(KeyValuePair.Create(loop.KeyId, loop));
}
