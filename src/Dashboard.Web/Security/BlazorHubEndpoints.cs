using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Security;

/// <summary>
/// Conventions on the Blazor hub endpoints that <c>MapRazorComponents().AddInteractiveServerRenderMode()</c>
/// maps (<c>/_blazor</c> and <c>/_blazor/negotiate</c>). They travel with the endpoints, so every spelling of
/// the path that routing accepts (trailing slash, other case) gets the same treatment.
/// </summary>
internal static class BlazorHubEndpoints
{
    public static RazorComponentsEndpointConventionBuilder WithBlazorHubGuards(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.Any(m => m is HubMetadata))
            {
                return;
            }

            endpoint.Metadata.Add(BlazorHub.Instance);
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(RequestRateLimits.CircuitConnect));

            // The dispatcher options in the negotiate endpoint's metadata are the very instance the hub's
            // dispatcher uses for negotiate and connect: WebSockets only, so long polling and server-sent
            // events cannot hold circuits open outside the browser's one socket per tab.
            foreach (var dispatcher in endpoint.Metadata.OfType<HttpConnectionDispatcherOptions>())
            {
                dispatcher.Transports = HttpTransportType.WebSockets;
            }
        });
        return builder;
    }

    /// <summary>Marks the Blazor hub's endpoints for the origin check.</summary>
    internal sealed class BlazorHub
    {
        public static readonly BlazorHub Instance = new();
    }
}
