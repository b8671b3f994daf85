using System.Threading.RateLimiting;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dashboard.Web.Security;

/// <summary>
/// Per-client-address fixed windows for credential posts (login, 2FA, recovery code, registration,
/// password reset) and for circuit connections (SEC-09). The policies are bound to endpoints
/// (<c>[EnableRateLimiting]</c> on the pages, a convention on the Blazor hub), never to path strings,
/// so <c>/Account/Login/</c> or <c>/ACCOUNT/LOGIN</c> reach the same limiter as <c>/Account/Login</c>.
/// </summary>
internal static class RequestRateLimits
{
    /// <summary>Policy of the credential pages: their posts are limited, their GETs are not.</summary>
    public const string Credentials = "credentials";

    /// <summary>Policy of the Blazor hub endpoints (negotiate and connect).</summary>
    public const string CircuitConnect = "circuit-connect";

    public static void AddPolicies(RateLimiterOptions rateLimiter, DashboardOptions options)
    {
        rateLimiter.AddPolicy(Credentials, context =>
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("credentials-read")
                : RateLimitPartition.GetFixedWindowLimiter("login:" + Client(context), _ => Window(options.LoginPermitsPerWindow, options.LoginWindow)));
        rateLimiter.AddPolicy(CircuitConnect, context =>
            RateLimitPartition.GetFixedWindowLimiter("circuit:" + Client(context), _ => Window(options.CircuitConnectPermitsPerWindow, options.CircuitConnectWindow)));
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
