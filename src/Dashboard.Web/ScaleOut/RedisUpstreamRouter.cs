using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// Several instances: decides per app key which instance holds the upstream (socket, token, rate budget) through
/// <see cref="RedisKeyLease"/>, and on the holder relays what other instances want (<see cref="UpstreamHolding"/>).
/// The first instance that needs a key takes its lease and opens the session; every other instance gets a
/// <see cref="RedisRemoteSession"/>. When the holder stops (cleanly: it releases; crashed: the lease expires),
/// a non-holder with interest takes the lease over and opens the socket itself, serving its own circuits
/// through Redis as before. A non-holder's queries and orders go to the holder too (<see cref="Requests"/>,
/// answered by each holding's <see cref="RoutedRequestServer"/>): the token and the rate budget are the holder's.
/// </summary>
public sealed class RedisUpstreamRouter : IUpstreamRouter
{
    private readonly IConnectionMultiplexer redis;
    private readonly IServiceProvider services;
    private readonly KiwoomRestClient rest;
    private readonly BrokerOptions brokerOptions;
    private readonly BrokerMetrics metrics;
    private readonly ScaleOutOptions options;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly IDataProtector protector;
    private readonly IDataProtector routedProtector;
    private readonly ConcurrentDictionary<string, UpstreamHolding> holdings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Fence, KiwoomCredential Credential)> claimed = new(StringComparer.Ordinal);
    private readonly int defaultMaxPages;
    private readonly SemaphoreSlim takingOver = new(1, 1);
    private volatile bool stopped;

    public RedisUpstreamRouter(
        IConnectionMultiplexer redis,
        IServiceProvider services,
        KiwoomRestClient rest,
        IOptions<BrokerOptions> brokerOptions,
        BrokerMetrics metrics,
        IOptions<ScaleOutOptions> options,
        IOptions<KiwoomClientOptions> clientOptions,
        IDataProtectionProvider dataProtection,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        this.redis = redis;
        this.services = services;
        this.rest = rest;
        this.brokerOptions = brokerOptions.Value;
        this.metrics = metrics;
        this.options = options.Value;
        this.time = time;
        this.loggers = loggers;
        logger = loggers.CreateLogger<RedisUpstreamRouter>();
        protector = dataProtection.CreateProtector("Dashboard.ScaleOut.RelayedEvents");
        Lease = new RedisKeyLease(redis, this.options);
        Interest = new KeyInterest(redis, this.options);
        defaultMaxPages = clientOptions.Value.DefaultMaxPages;
        routedProtector = dataProtection.CreateProtector("Dashboard.ScaleOut.RoutedRequests");
        Requests = new RoutedRequestClient(this);
    }

    /// <summary>This instance's way to the holders of keys it does not hold (queries and orders of its remote sessions).</summary>
    internal RoutedRequestClient Requests { get; }

    public RedisKeyLease Lease { get; }

    /// <summary>What each instance wants of each key, on Redis's clock.</summary>
    internal KeyInterest Interest { get; }

    /// <summary>Keys whose upstream this instance holds now (for operations and tests).</summary>
    public IReadOnlyCollection<string> HeldKeys => [.. holdings.Keys];

    public async Task<UpstreamClaim> ClaimAsync(KiwoomCredential credential, CancellationToken ct)
    {
        try
        {
            return await ClaimCoreAsync(credential, ct);
        }
        catch (RedisException ex)
        {
            // Without Redis nobody can coordinate: serving the member from here beats serving nobody. If another
            // instance holds the key too, Kiwoom closes the older socket (the chip says "replaced").
            ScaleOutLog.ClaimWithoutRedis(logger, ex, credential.KeyId);
            return default;
        }
    }

    private async Task<UpstreamClaim> ClaimCoreAsync(KiwoomCredential credential, CancellationToken ct)
    {
        while (true)
        {
            if (!stopped && await Lease.TryAcquireAsync(credential.KeyId) is { } fence)
            {
                claimed[credential.KeyId] = (fence, credential);
                ScaleOutLog.LeaseTaken(logger, Lease.InstanceId, credential.KeyId, fence);
                return default;
            }

            // Held by another instance, or by this one for others since a takeover: either way events come through Redis.
            if (await Lease.HolderAsync(credential.KeyId) is not null || stopped)
            {
                var remote = new RedisRemoteSession(
                    credential, redis, this, protector, brokerOptions, metrics, options, defaultMaxPages, time, loggers.CreateLogger<RedisRemoteSession>());
                await remote.StartAsync();
                ScaleOutLog.ServedRemotely(logger, credential.KeyId);
                return new UpstreamClaim(remote);
            }

            // The holding expired between the two reads: try again (rare; each turn is two round trips).
            ct.ThrowIfCancellationRequested();
        }
    }

    public void Opened(BrokerSession session)
    {
        if (claimed.TryRemove(session.KeyId, out var claim))
        {
            Start(new UpstreamHolding(this, session, claim.Credential, claim.Fence, ownsSession: false));
        }
    }

    public async Task ReleasedAsync(string keyId)
    {
        if (holdings.TryRemove(keyId, out var holding))
        {
            await holding.StopAsync(release: true);
        }
    }

    public async Task StopAsync()
    {
        stopped = true;
        foreach (var keyId in holdings.Keys)
        {
            await ReleasedAsync(keyId);
        }
    }

    /// <summary>
    /// A non-holder saw the key free: take the lease and open the socket here for every instance's circuits
    /// (including this one's, which keep reading Redis). True when this instance holds the key afterwards.
    /// </summary>
    internal async Task<bool> TakeOverAsync(KiwoomCredential credential)
    {
        await takingOver.WaitAsync();
        try
        {
            if (holdings.ContainsKey(credential.KeyId))
            {
                return true;
            }

            if (stopped || await Lease.TryAcquireAsync(credential.KeyId) is not { } fence)
            {
                return false;
            }

            var session = services.GetRequiredService<BrokerSessionRegistry>().CreateUpstream(credential);
            ScaleOutLog.TookOver(logger, Lease.InstanceId, credential.KeyId, fence);
            Start(new UpstreamHolding(this, session, credential, fence, ownsSession: true));
            return true;
        }
        finally
        {
            takingOver.Release();
        }
    }

    internal IConnectionMultiplexer Redis => redis;

    internal ScaleOutOptions Options => options;

    /// <summary>Capacity of a holder's lossless relay queue: the same bound as a local lossless feed's.</summary>
    internal int LosslessRelayCapacity => brokerOptions.LosslessQueueCapacity;

    internal IDataProtector Protector => protector;

    /// <summary>Protects routed requests and answers (a purpose of its own: an event can never be read as a request).</summary>
    internal IDataProtector RoutedProtector => routedProtector;

    /// <summary>The process-wide REST client: with a holding's credential, that holding's token and rate budget.</summary>
    internal KiwoomRestClient Rest => rest;

    /// <summary>The request server of the key's holding on this instance, if this instance holds the key.</summary>
    internal RoutedRequestServer? LocalServer(string keyId) => holdings.TryGetValue(keyId, out var holding) ? holding.Server : null;

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;

    internal void Forget(UpstreamHolding holding) => holdings.TryRemove(new KeyValuePair<string, UpstreamHolding>(holding.KeyId, holding));

    internal Task CloseUpstreamAsync(BrokerSession session) => services.GetRequiredService<BrokerSessionRegistry>().CloseUpstreamAsync(session);

    private void Start(UpstreamHolding holding)
    {
        holdings[holding.KeyId] = holding;
        holding.Start();
    }
}
