using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Shell;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Broker;

/// <summary>
/// Composition of the live broker sessions: <c>builder.AddBrokerSessions()</c> in Program.cs, after
/// <c>AddDashboard()</c>, which registers the connections and the Kiwoom REST client the sessions use.
/// </summary>
public static class BrokerServiceCollectionExtensions
{
    public static WebApplicationBuilder AddBrokerSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(new RealtimeClientOptions());
        services.AddMetrics();
        services.TryAddSingleton<BrokerMetrics>();
        services.TryAddSingleton<BrokerSessionRegistry>();
        services.AddScoped<BrokerCircuit>();
        services.Configure<ShellOptions>(o => o.ConnectionChip = typeof(ConnectionChip));
        services.AddHttpClient(SimulatorHealthCheck.ClientName);
        services.AddHealthChecks()
            .AddCheck<BrokerSessionsHealthCheck>("sessions")
            .AddCheck<SimulatorHealthCheck>("simulator", failureStatus: HealthStatus.Degraded);
        return builder;
    }
}
