using Dashboard.Kiwoom.Auth;
using Dashboard.Web.Broker;
using Dashboard.Web.Watchlists;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// Several instances behind one load balancer: <c>builder.AddScaleOut()</c> in Program.cs, after AddDashboard().
/// Without <c>ScaleOut:Redis</c> it registers nothing and one instance works exactly as before.
/// </summary>
public static class ScaleOutServiceCollectionExtensions
{
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScaleOutOptions>().BindConfiguration(ScaleOutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ScaleOutOptions.Section).Get<ScaleOutOptions>() ?? new ScaleOutOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        // Connect lazily and keep retrying: an instance must start (and serve its own circuits) while Redis restarts.
        var redisOptions = ConfigurationOptions.Parse(options.Redis!);
        redisOptions.AbortOnConnectFail = false;
        redisOptions.ClientName = options.ResolveInstanceId();
        // One connection shared by the container and the key ring (which is configured before the container exists).
        var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redisOptions));
        services.AddSingleton(_ => connection.Value);

        services.AddSingleton<RedisWatchlistChanges>();
        services.Replace(ServiceDescriptor.Singleton<IWatchlistChanges>(sp => sp.GetRequiredService<RedisWatchlistChanges>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisWatchlistChanges>());
        services.AddHostedService<RedisSignOutRelay>();
        services.AddHostedService<ScaleOutAnnouncer>();

        // The per-app-key lease and cross-instance delivery of live events (see docs/operations.md).
        services.AddSingleton<RedisUpstreamRouter>();
        services.Replace(ServiceDescriptor.Singleton<IUpstreamRouter>(sp => sp.GetRequiredService<RedisUpstreamRouter>()));

        // A departing instance revokes a key's token only if no other instance uses or waits for it (LeaseFencedTokenIssuer).
        var issuer = services.LastOrDefault(d => d.ServiceType == typeof(IKiwoomTokenIssuer) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddScaleOut() comes after AddDashboard(), which registers the Kiwoom client.");
        services.Replace(ServiceDescriptor.Singleton<IKiwoomTokenIssuer>(sp => new LeaseFencedTokenIssuer(
            Create(sp, issuer),
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value,
            sp.GetRequiredService<ILogger<LeaseFencedTokenIssuer>>())));

        // One key ring for every instance: a cookie or a stored credential protected by one instance opens on
        // another. The keys stay encrypted at rest with the key-ring secret, which every instance must share.
        services.AddDataProtection().PersistKeysToStackExchangeRedis(
            () => connection.Value.GetDatabase(),
            options.Channel("data-protection-keys"));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }

    /// <summary>The registration being decorated, built as the container would have built it.</summary>
    private static IKiwoomTokenIssuer Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IKiwoomTokenIssuer)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class ScaleOutAnnouncer(IOptions<ScaleOutOptions> options, ILogger<ScaleOutAnnouncer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ScaleOutLog.Started(logger, options.Value.ResolveInstanceId(), options.Value.Prefix);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
