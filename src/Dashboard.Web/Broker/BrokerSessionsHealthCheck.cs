using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Broker;

/// <summary>Reports the number of open broker sessions and the live-data counters.</summary>
internal sealed class BrokerSessionsHealthCheck(BrokerSessionRegistry registry, BrokerMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sessions = registry.Count;
        var data = new Dictionary<string, object>
        {
            ["sessions"] = sessions,
            ["socketsOpened"] = metrics.SocketsOpened,
            ["ticks"] = metrics.Ticks,
            ["renders"] = metrics.Renders,
        };
        return Task.FromResult(HealthCheckResult.Healthy($"{sessions} sessions", data));
    }
}
