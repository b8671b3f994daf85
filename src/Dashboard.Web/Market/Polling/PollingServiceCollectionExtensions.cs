namespace Dashboard.Web.Market.Polling;

/// <summary>Composition of the market screens' polling: <c>services.AddMarketScreens()</c>.</summary>
public static class PollingServiceCollectionExtensions
{
    public static IServiceCollection AddMarketScreens(this IServiceCollection services)
    {
        services.AddOptions<PollingOptions>().BindConfiguration(PollingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PollScheduler>();
        return services;
    }
}
