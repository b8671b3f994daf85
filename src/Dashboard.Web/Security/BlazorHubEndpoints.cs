using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Security;

/// <summary>
/// Conventions on the Blazor hub endpoints that <c>MapRazorComponents().AddInteractiveServerRenderMode()</c>
/// maps (<c>/_blazor</c> and <c>/_blazor/negotiate</c>). They travel with the endpoints, so every spelling
/// of the path that routing accepts (trailing slash, other case) gets the same treatment.
/// </summary>
internal static class BlazorHubEndpoints
{
    public static RazorComponentsEndpointConventionBuilder WithBlazorHubGuards(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (!IsHub(endpoint))
            {
                return;
            }

            endpoint.Metadata.Add(new EnableRateLimitingAttribute(RequestRateLimits.CircuitConnect));
        });
        return builder;
    }

    private static bool IsHub(EndpointBuilder endpoint) => endpoint.Metadata.Any(m => m is HubMetadata);
}
