using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Simulator;

/// <summary>Conventions a host applies to the endpoints <see cref="SimulatorEndpointRouteBuilderExtensions.MapKiwoomSimulator"/> returns.</summary>
public static class SimulatorEndpointConventionExtensions
{
    /// <summary>
    /// Answers 403 to every caller from another machine. It wraps each endpoint's own delegate, so it
    /// holds for the WebSocket endpoint too (endpoint filters only reach minimal-API handlers).
    /// </summary>
    public static TBuilder RequireLoopbackCallers<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate;
            if (next is null)
            {
                return;
            }

            endpoint.RequestDelegate = http =>
            {
                // No remote address means no network peer at all (an in-process TestServer, a Unix socket).
                var remote = http.Connection.RemoteIpAddress;
                if (remote is null || IPAddress.IsLoopback(remote))
                {
                    return next(http);
                }

                var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Kiwoom.Simulator");
                SimulatorLog.RemoteRefused(logger);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return builder;
    }
}
