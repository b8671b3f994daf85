using System.Collections.Concurrent;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Guards the Blazor hub: refuses cross-origin connections (browsers do not apply CORS to WebSockets,
/// SEC-08) and caps the open circuits of one member (SEC-22). The hub only accepts WebSockets, so a
/// connection's HTTP request lives exactly as long as its circuit's connection and can be counted.
/// </summary>
internal sealed class BlazorHubGuardMiddleware(RequestDelegate next, IOptions<DashboardOptions> options, ILogger<BlazorHubGuardMiddleware> logger)
{
    public const string HubPath = "/_blazor";

    private readonly ConcurrentDictionary<string, int> openConnections = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(HubPath))
        {
            await next(context);
            return;
        }

        // A refusal here is final: re-executing it as an error page would turn it into something else.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (!IsSameOrigin(context.Request))
        {
            SecurityLog.CrossOriginHubRejected(logger);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var isConnection = context.Request.Path == HubPath && context.Request.Query.ContainsKey("id");
        if (isConnection && !context.WebSockets.IsWebSocketRequest)
        {
            // Long polling and server-sent events would escape the per-member circuit count.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var userId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value : null;
        if (userId is null || !isConnection)
        {
            await next(context);
            return;
        }

        var max = options.Value.MaxCircuitsPerMember;
        var count = openConnections.AddOrUpdate(userId, 1, static (_, n) => n + 1);
        try
        {
            if (count > max)
            {
                SecurityLog.CircuitLimitReached(logger, max);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "30";
                return;
            }

            await next(context);
        }
        finally
        {
            var remaining = openConnections.AddOrUpdate(userId, 0, static (_, n) => n - 1);
            if (remaining <= 0)
            {
                openConnections.TryRemove(new KeyValuePair<string, int>(userId, remaining));
            }
        }
    }

    /// <summary>Open hub connections of a member; for diagnostics and tests.</summary>
    internal int OpenConnections(string userId) => openConnections.GetValueOrDefault(userId);

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
