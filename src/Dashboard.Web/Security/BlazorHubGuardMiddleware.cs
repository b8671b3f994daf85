using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Security;

/// <summary>
/// Refuses cross-origin connections to the Blazor hub (browsers do not apply CORS to WebSockets, SEC-08).
/// The hub is recognised by its endpoint metadata (<see cref="BlazorHubEndpoints"/>), so every spelling of
/// the path that routing maps to it is checked. The per-member circuit cap lives where circuits are
/// created (<see cref="MemberCircuitHandler"/>).
/// </summary>
internal sealed class BlazorHubGuardMiddleware(RequestDelegate next, ILogger<BlazorHubGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BlazorHubEndpoints.BlazorHub>() is null)
        {
            await next(context);
            return;
        }

        if (!IsSameOrigin(context.Request))
        {
            // A refusal here is final: re-executing it as an error page would turn it into something else.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            SecurityLog.CrossOriginHubRejected(logger);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            // Non-browser clients send no Origin; the auth cookie (SameSite) and antiforgery still apply.
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
