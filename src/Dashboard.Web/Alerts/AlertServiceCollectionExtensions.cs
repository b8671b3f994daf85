using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Alerts;

/// <summary>Composition of the alerts: <c>services.AddAlerts()</c> from <c>AddDashboard()</c>.</summary>
public static class AlertServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.TryAddSingleton<AlertService>();
        services.TryAddSingleton<AlertMonitor>();
        return services;
    }
}
