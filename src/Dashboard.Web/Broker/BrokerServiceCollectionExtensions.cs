using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Microsoft.Extensions.Options;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Connections;
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
        services.PostConfigure<SimulatorHostingOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.BaseUrl))
            {
                var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
                o.BaseUrl = builder.Configuration.GetValue("Dashboard:RedirectToHttps", true)
                    ? SimulatorLoopback.Base(urls, o.Prefix, https: true)
                    : SimulatorLoopback.Base(urls, o.Prefix, https: false) ?? SimulatorLoopback.Base(urls, o.Prefix, https: true);
            }
        });
        services.TryAddSingleton<OwnCertificatePin>();
        services.TryAddSingleton<PinnedWebSocketConnector>();

        // The sessions' realtime clients take "Kiwoom:Realtime" (validated at start) and connect through the pin;
        // registered before AddKiwoomRealtime so its plain factory does not replace this one.
        services.TryAddSingleton(sp => new KiwoomRealtimeClientFactory(
            sp.GetRequiredService<IKiwoomTokenSource>(),
            sp.GetRequiredService<IOptions<RealtimeClientOptions>>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<PinnedWebSocketConnector>().ConnectAsync));
        services.AddKiwoomRealtime();

        // "Dashboard.Kiwoom" is the REST client's named HttpClient (KiwoomHttpSender.ClientName).
        foreach (var client in new[] { "Dashboard.Kiwoom", SimulatorHealthCheck.ClientName })
        {
            services.AddHttpClient(client).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = sp.GetRequiredService<OwnCertificatePin>().Validate },
            });
        }

        services.AddMetrics();
        services.TryAddSingleton<BrokerMetrics>();
        services.TryAddSingleton<IUpstreamRouter, LocalUpstreamRouter>();
        services.TryAddSingleton<Dashboard.Web.Broker.TeamQuotes.TeamQuoteSources>();
        services.TryAddSingleton<BrokerSessionRegistry>();
        services.AddScoped<BrokerCircuit>();
        services.AddScoped<IBrokerSessions>(sp => sp.GetRequiredService<BrokerCircuit>());
        services.TryAddSingleton<IOrderGateway, OrderGateway>();
        services.Configure<ShellOptions>(o => o.ConnectionChip = typeof(ConnectionChip));
        services.AddHealthChecks()
            .AddCheck<BrokerSessionsHealthCheck>("sessions")
            .AddCheck<SimulatorHealthCheck>("simulator", failureStatus: HealthStatus.Degraded);
        return builder;
    }
}
