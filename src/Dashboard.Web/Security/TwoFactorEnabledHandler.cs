using Dashboard.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Reads the flag from the database so enabling 2FA in this session takes effect at once and disabling
/// it elsewhere takes effect everywhere.
/// </summary>
internal sealed class TwoFactorEnabledHandler(IDbContextFactory<ApplicationDbContext> dbFactory, IOptions<IdentityOptions> identity)
    : AuthorizationHandler<TwoFactorEnabledRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnabledRequirement requirement)
    {
        var userId = context.User.FindFirst(identity.Value.ClaimsIdentity.UserIdClaimType)?.Value;
        if (userId is null)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var enabled = await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled && !u.IsDisabled);
        if (enabled)
        {
            context.Succeed(requirement);
        }
    }
}
