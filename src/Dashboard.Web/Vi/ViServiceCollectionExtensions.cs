namespace Dashboard.Web.Vi;

/// <summary>Composition of the VI alerts: <c>services.AddViAlerts()</c> from <c>AddDashboard()</c>.</summary>
public static class ViServiceCollectionExtensions
{
    public static IServiceCollection AddViAlerts(this IServiceCollection services)
    {
        services.AddScoped<IViInterest, MemberViInterest>();
        services.AddScoped<ViWatch>();
        services.AddSingleton<Kospi200Membership>();
        return services;
    }
}
