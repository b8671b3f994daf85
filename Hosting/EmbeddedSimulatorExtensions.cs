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
            builder.Services.AddKiwoomSimulator();
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
