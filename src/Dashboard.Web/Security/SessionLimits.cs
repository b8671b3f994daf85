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

    /// <summary>The sign-in time as a claim too, so an open circuit (which has no cookie) can apply the absolute limit.</summary>
    public const string SignedInAtClaim = "dashboard:signed_in_at";

    public static Task StampSignInTimeAsync(CookieSigningInContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items.TryAdd(SignedInAtKey, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new System.Security.Claims.Claim(SignedInAtClaim, context.Properties.Items[SignedInAtKey]!));
        }

        return Task.CompletedTask;
    }

    /// <summary>The security-stamp check rebuilds the principal on every request; the sign-in time must survive it.</summary>
    public static Task KeepSignInTimeAsync(Microsoft.AspNetCore.Identity.SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } claim && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new System.Security.Claims.Claim(SignedInAtClaim, claim.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>True when the principal carries a sign-in time older than <paramref name="limit"/>.</summary>
    public static bool IsPastAbsoluteLimit(System.Security.Claims.ClaimsPrincipal principal, DateTimeOffset now, TimeSpan limit) =>
        principal.FindFirst(SignedInAtClaim) is { } claim
        && long.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) > limit;

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
