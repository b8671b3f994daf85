using Microsoft.AspNetCore.Localization;

namespace Dashboard.Web.Localization;

/// <summary>
/// Falls back to the culture saved on the member (carried as a claim) when the browser has no culture
/// cookie yet, e.g. on a new phone right after signing in.
/// </summary>
internal sealed class MemberCultureProvider : RequestCultureProvider
{
    public const string ClaimType = "dashboard:culture";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.User.FindFirst(ClaimType)?.Value;
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }
}
