using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Watchlists;

/// <summary>Composition of the watchlists: <c>services.AddWatchlists()</c> from <c>AddDashboard()</c>.</summary>
public static class WatchlistServiceCollectionExtensions
{
    public static IServiceCollection AddWatchlists(this IServiceCollection services)
    {
        // One instance: in-process notification. Several instances register a shared-bus implementation first.
        services.TryAddSingleton<IWatchlistChanges, InProcessWatchlistChanges>();
        services.TryAddSingleton<WatchlistService>();
        services.TryAddSingleton<WatchlistViewService>();
        return services;
    }
}
