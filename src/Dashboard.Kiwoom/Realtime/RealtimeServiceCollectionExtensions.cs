using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Registers <see cref="KiwoomRealtimeClientFactory"/> with options bound from "Kiwoom:Realtime".</summary>
public static class RealtimeServiceCollectionExtensions
{
    public const string ConfigurationSection = "Kiwoom:Realtime";

    /// <summary>Needs an <see cref="IKiwoomTokenSource"/> registration; uses a registered <see cref="TimeProvider"/> when there is one.</summary>
    public static IServiceCollection AddKiwoomRealtime(this IServiceCollection services)
    {
        services.AddOptions<RealtimeClientOptions>()
            .BindConfiguration(ConfigurationSection)
            .Validate(o => o.Problem() is null, "Kiwoom:Realtime options are invalid (non-positive timeout, MaxBackoff below InitialBackoff, or a size below its minimum).")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new KiwoomRealtimeClientFactory(
            sp.GetRequiredService<IKiwoomTokenSource>(),
            sp.GetRequiredService<IOptions<RealtimeClientOptions>>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        return services;
    }
}
