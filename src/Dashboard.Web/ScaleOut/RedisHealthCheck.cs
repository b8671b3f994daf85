using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>Redis answers a PING: without it, other instances miss watchlist edits and sign-outs from here.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var rtt = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"{rtt.TotalMilliseconds:0.#} ms");
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}
