using Dashboard.Kiwoom.Simulator;

namespace Dashboard.Hosting;

/// <summary>
/// The host is the only place that knows both the web app and the simulator (Web never references
/// the simulator): it maps the simulated Kiwoom API in-process when "Simulator:Enabled" is true
/// (the default), so a fresh machine shows a live market with no other process. It is mapped on the
/// dashboard's own listener without sign-in, so only callers on this machine reach it unless
/// "Simulator:AllowRemote" opens it deliberately.
/// </summary>
internal static class EmbeddedSimulatorExtensions
{
    private const string Section = "Simulator";

    public static WebApplicationBuilder AddEmbeddedSimulator(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            // Every member's session reaches the embedded simulator from this machine, so the per-address token limit
            // (meant for strangers minting accounts) would refuse a restart of a team bigger than the limit.
            var exemptLoopback = builder.Configuration.GetValue($"{Section}:TokenLimitExemptsLoopback", true);
            builder.Services.AddKiwoomSimulator(o => o.TokenLimitExemptsLoopback = exemptLoopback);
        }

        return builder;
    }

    public static WebApplication MapEmbeddedSimulator(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            var endpoints = app.MapKiwoomSimulator(app.Configuration[$"{Section}:Prefix"] ?? "/kiwoom-sim");
            if (!app.Configuration.GetValue($"{Section}:AllowRemote", false))
            {
                endpoints.RequireLoopbackCallers();
            }
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue($"{Section}:Enabled", true);
}
