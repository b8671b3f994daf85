using System.Security.Claims;
using Dashboard.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Localization;

/// <summary>Adds the member's saved UI culture to the sign-in cookie.</summary>
internal sealed class DashboardClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MemberCultureProvider.ClaimType, DashboardCultures.Normalize(user.Culture)));
        return identity;
    }
}
