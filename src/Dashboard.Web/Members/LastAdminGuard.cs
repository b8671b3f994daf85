using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Members;

/// <summary>
/// Keeps the dashboard administrable: the last enabled Admin cannot be demoted, disabled or deleted
/// (by themselves or anyone), because nobody could then invite, enable or promote anyone again.
/// </summary>
public sealed class LastAdminGuard(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public static readonly Microsoft.AspNetCore.Identity.IdentityError Refusal = new()
    {
        Code = "LastAdmin",
        Description = "The last admin cannot be demoted, disabled or deleted. Make another member Admin first.",
    };

    /// <summary>True when the member is an enabled Admin and no other enabled Admin exists.</summary>
    public async Task<bool> IsLastActiveAdminAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var adminRoleId = await db.Roles.Where(r => r.Name == DashboardRoles.Admin).Select(r => r.Id).SingleOrDefaultAsync(ct);
        if (adminRoleId is null)
        {
            return false;
        }

        var admins = await (from ur in db.UserRoles
                            join u in db.Users on ur.UserId equals u.Id
                            where ur.RoleId == adminRoleId && !u.IsDisabled
                            select u.Id).ToListAsync(ct);
        return admins.Count == 1 && admins[0] == userId;
    }
}
