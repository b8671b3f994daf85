using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// The per-app-key lease in Redis: one key <c>{prefix}:lease:{keyId}</c> whose value is "{instance}#{fence}",
/// set only when absent (SET NX semantics) with an expiry the holder renews. The fence is a counter that only
/// grows (INCR), so every holding has a larger number than the one before it: other instances drop events
/// published under an older fence, which is how a holder that stalled past its expiry cannot mix its stale
/// events into the new holder's. Renew and release check the value first (Lua), so nobody extends or deletes
/// a lease that has passed to someone else.
/// </summary>
public sealed class RedisKeyLease(IConnectionMultiplexer redis, ScaleOutOptions options)
{
    private const string AcquireScript = """
        if redis.call('exists', KEYS[1]) == 1 then return -1 end
        local fence = redis.call('incr', KEYS[2])
        redis.call('set', KEYS[1], ARGV[1] .. '#' .. fence, 'PX', ARGV[2])
        return fence
        """;

    private const string RenewScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
        return 0
        """;

    private readonly string instanceId = options.ResolveInstanceId();

    public TimeSpan Expiry => options.LeaseExpiry;

    public string InstanceId => instanceId;

    /// <summary>Takes the key's lease if nobody holds it: its fence, or null when another holding is alive.</summary>
    public async Task<long?> TryAcquireAsync(string keyId)
    {
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            AcquireScript,
            [LeaseKey(keyId), FenceKey(keyId)],
            [instanceId, (long)Expiry.TotalMilliseconds]);
        return result < 0 ? null : result;
    }

    /// <summary>Extends this instance's holding; false when it has expired or passed to another instance.</summary>
    public async Task<bool> RenewAsync(string keyId, long fence) =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync(
            RenewScript, [LeaseKey(keyId)], [Value(fence), (long)Expiry.TotalMilliseconds]) == 1;

    /// <summary>Gives the lease back (clean shutdown, last user gone) so another instance can take it at once.</summary>
    public async Task ReleaseAsync(string keyId, long fence) =>
        await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [LeaseKey(keyId)], [Value(fence)]);

    /// <summary>The current holding ("{instance}#{fence}"), or null when the key is free.</summary>
    public async Task<string?> HolderAsync(string keyId) => await redis.GetDatabase().StringGetAsync(LeaseKey(keyId));

    private string Value(long fence) => instanceId + "#" + fence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private RedisKey LeaseKey(string keyId) => options.Channel("lease:" + keyId);

    private RedisKey FenceKey(string keyId) => options.Channel("lease-fence:" + keyId);
}
