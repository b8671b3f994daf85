using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// The interest set of one app key, <c>{prefix}:interest:{keyId}</c>: members "{instance}|{type}|{item}" that
/// non-holders refresh while they want them, scored with the moment they lapse. The moment is taken from Redis's own
/// clock (TIME, inside the script) when it is written and when it is compared, never from an instance's: a writer
/// whose clock runs behind the holder's would otherwise see its interest pruned at once, one running ahead would keep
/// a crashed instance's interest alive for as long as the skew.
/// </summary>
internal sealed class KeyInterest(IConnectionMultiplexer redis, ScaleOutOptions options)
{
    private const string RedisNowMs = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    private const string WantScript = RedisNowMs + """
        local lapse = now + tonumber(ARGV[1])
        for i = 2, #ARGV do redis.call('ZADD', KEYS[1], lapse, ARGV[i]) end
        return #ARGV - 1
        """;

    private const string LiveScript = RedisNowMs + """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. now)
        return redis.call('ZRANGE', KEYS[1], 0, -1)
        """;

    private const string OthersScript = RedisNowMs + """
        for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')) do
            if string.sub(m, 1, #ARGV[1]) ~= ARGV[1] then return 1 end
        end
        return 0
        """;

    /// <summary>Adds or refreshes <paramref name="members"/> so that they lapse <paramref name="lifetime"/> from now (Redis's now).</summary>
    public async Task WantAsync(string keyId, IEnumerable<string> members, TimeSpan lifetime)
    {
        RedisValue[] args = [(long)lifetime.TotalMilliseconds, .. members.Select(m => (RedisValue)m)];
        if (args.Length > 1)
        {
            await redis.GetDatabase().ScriptEvaluateAsync(WantScript, [Key(keyId)], args);
        }
    }

    /// <summary>Drops what has lapsed and returns what is still wanted (the holder, at each renewal).</summary>
    public async Task<string[]> LiveAsync(string keyId)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(LiveScript, [Key(keyId)]);
        return result.IsNull ? [] : [.. ((RedisResult[])result!).Select(r => (string)r!)];
    }

    /// <summary>True when an instance other than <paramref name="instanceId"/> still wants anything of the key.</summary>
    public async Task<bool> WantedByOthersAsync(string keyId, string instanceId) =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync(OthersScript, [Key(keyId)], [instanceId + "|"]) == 1;

    public RedisKey Key(string keyId) => options.Channel("interest:" + keyId);
}
