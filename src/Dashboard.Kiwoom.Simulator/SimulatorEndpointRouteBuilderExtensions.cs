using Dashboard.Kiwoom.Simulator.Control;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Realtime;
using Dashboard.Kiwoom.Simulator.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator;

/// <summary>Maps the simulated Kiwoom API under a prefix: REST at {prefix}/oauth2/* and {prefix}/api/dostk/*, the WebSocket at {prefix}/api/dostk/websocket.</summary>
public static class SimulatorEndpointRouteBuilderExtensions
{
    public static IEndpointConventionBuilder MapKiwoomSimulator(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        prefix = prefix.TrimEnd('/');
        var sp = endpoints.ServiceProvider;
        var handler = sp.GetRequiredService<KiwoomRestHandler>();
        var hub = sp.GetRequiredService<RealtimeHub>();
        var options = sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var group = endpoints.MapGroup(prefix);

        // The WebSocket gets its own small pipeline so the host need not call UseWebSockets itself.
        var socketApp = endpoints.CreateApplicationBuilder();
        socketApp.UseWebSockets();
        socketApp.Run(hub.AcceptAsync);
        group.Map(KiwoomEndpoints.WebSocketPath, socketApp.Build());

        group.MapPost("/oauth2/token", handler.IssueTokenAsync);
        group.MapPost("/oauth2/revoke", handler.RevokeTokenAsync);
        group.MapPost("/api/dostk/{family}", (HttpContext http, string family) => handler.HandleTrAsync(http, family));
        if (options.ControlEnabled)
        {
            sp.GetRequiredService<SimulatorControl>().Map(group.MapGroup("/_sim"));
        }

        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Kiwoom.Simulator");
        SimulatorLog.Mapped(logger, prefix, options.Seed, sp.GetRequiredService<MarketEngine>().Universe.All.Count);
        return group;
    }
}
