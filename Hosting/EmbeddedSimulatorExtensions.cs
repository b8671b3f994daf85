using Dashboard.Kiwoom.Simulator;
using Dashboard.Web.Connections;

namespace Dashboard.Hosting;

/// <summary>
/// The host is the only place that knows both the web app and the simulator (Web never references
/// the simulator): it maps the simulated Kiwoom API in-process when "SimulatorHosting:Enabled" is true
/// (the default), so a fresh machine shows a live market with no other process. It is mapped on the
/// dashboard's own listener without sign-in, so only callers on this machine reach it unless
/// "SimulatorHosting:AllowRemote" opens it deliberately. The simulated market's own settings are the
/// "Simulator" section, bound by the simulator alone.
/// </summary>
internal static class EmbeddedSimulatorExtensions
{
    public static WebApplicationBuilder AddEmbeddedSimulator(this WebApplicationBuilder builder)
    {
        if (SimulatorHostingConfiguration.Read(builder.Configuration).Enabled)
        {
            // Every member's session reaches the embedded simulator from this machine, so the per-address token limit
            // (meant for strangers minting accounts) would refuse a restart of a team bigger than the limit.
            var exemptLoopback = builder.Configuration.GetValue($"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.TokenLimitExemptsLoopback)}", true);
            builder.Services.AddKiwoomSimulator(o => o.TokenLimitExemptsLoopback = exemptLoopback);
        }

        return builder;
    }

    public static WebApplication MapEmbeddedSimulator(this WebApplication app)
    {
        var hosting = SimulatorHostingConfiguration.Read(app.Configuration);
        if (hosting.Enabled)
        {
            var endpoints = app.MapKiwoomSimulator(hosting.Prefix);
            if (!hosting.AllowRemote)
            {
                endpoints.RequireLoopbackCallers();
            }

            // Added last, so it runs first: the simulator answers like Kiwoom, never with the dashboard's status pages.
            // Re-executing its empty 403 as a POST to the not-found page turned it into an antiforgery 400.
            endpoints.Add(endpoint =>
            {
                if (endpoint.RequestDelegate is { } next)
                {
                    endpoint.RequestDelegate = http =>
                    {
                        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                        {
                            pages.Enabled = false;
                        }

                        return next(http);
                    };
                }
            });
        }

        return app;
    }
}
