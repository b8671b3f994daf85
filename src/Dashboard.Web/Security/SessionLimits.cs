using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// The absolute session limit: the sign-in time travels in the cookie's properties (sliding renewals
/// keep it), and a cookie older than the limit is rejected however recently it was used.
/// </summary>
internal static class SessionLimits
{
    private const string SignedInAtKey = "dashboard.signedInAt";

    public static Task StampSignInTimeAsync(CookieSigningInContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items.TryAdd(SignedInAtKey, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    /// <summary>True when the cookie was rejected because it is past the absolute limit.</summary>
    public static async Task<bool> RejectPastAbsoluteLimitAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<DashboardOptions>>().Value.AbsoluteTimeout;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && now - DateTimeOffset.FromUnixTimeSeconds(seconds) <= limit)
        {
            return false;
        }

        SecurityLog.AbsoluteSessionExpired(services.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Web.Security.SessionLimits"),
            context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "unknown");
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
        return true;
    }
}
