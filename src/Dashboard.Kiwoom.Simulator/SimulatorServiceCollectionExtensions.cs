using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Control;
using Dashboard.Kiwoom.Simulator.Hosting;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Realtime;
using Dashboard.Kiwoom.Simulator.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator;

/// <summary>Registers the simulator: options from the "Simulator" section, the market model and the REST/WebSocket services.</summary>
public static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddKiwoomSimulator(this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => MarketUniverse.Create(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.Seed, KoreaTime.Today(sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<MarketEngine>();
        services.TryAddSingleton<PriceHistory>();
        services.TryAddSingleton<RowPlanner>();
        services.TryAddSingleton<ResponseComposer>();
        services.TryAddSingleton<TokenStore>();
        services.TryAddSingleton<RateLimiter>();
        services.TryAddSingleton<TokenIssueLimiter>();
        services.TryAddSingleton<AccountBook>();
        services.TryAddSingleton<SimulatorFaults>();
        services.TryAddSingleton<SimulatorMetrics>();
        services.TryAddSingleton<OrderEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrResponder, OrderResponder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrResponder, AccountResponder>());
        services.TryAddSingleton<KiwoomRestHandler>();
        services.TryAddSingleton<RealtimeHub>();
        services.TryAddSingleton<SimulatorControl>();
        services.AddHostedService<SimulatorHostedService>();
        return services;
    }
}
