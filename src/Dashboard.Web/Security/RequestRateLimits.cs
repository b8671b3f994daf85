using System.Threading.RateLimiting;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Security;

/// <summary>
/// Per-client-address fixed windows for credential posts (login, 2FA, recovery code, registration,
/// password reset) and for circuit connections; everything else is unlimited (SEC-09).
/// </summary>
internal static class RequestRateLimits
{
    private static readonly string[] CredentialPaths =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResetPassword",
    ];

    public static PartitionedRateLimiter<HttpContext> Create(DashboardOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && CredentialPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            {
                return RateLimitPartition.GetFixedWindowLimiter("login:" + client, _ => Window(options.LoginPermitsPerWindow, options.LoginWindow));
            }

            if (request.Path.StartsWithSegments(BlazorHubGuardMiddleware.HubPath))
            {
                return RateLimitPartition.GetFixedWindowLimiter("circuit:" + client, _ => Window(options.CircuitConnectPermitsPerWindow, options.CircuitConnectWindow));
            }

            return RateLimitPartition.GetNoLimiter("none");
        });

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
