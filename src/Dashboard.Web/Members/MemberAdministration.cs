using System.Security.Claims;
using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Members;

/// <summary>
/// The admin's member operations. Each checks the <see cref="DashboardPolicies.Admin"/> policy itself,
/// so a page that forgot its attribute still cannot let a non-admin through.
/// </summary>
public sealed class MemberAdministration(
    UserManager<ApplicationUser> users,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IAuthorizationService authorization,
    MemberSignOutSignal signOut,
    LastAdminGuard lastAdmin,
    TimeProvider time,
    ILogger<MemberAdministration> logger)
{
    public async Task<IReadOnlyList<MemberSummary>> ListAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await DemandAdminAsync(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).OrderBy(DashboardRoles.All.ToList().IndexOf).First());
        var members = await db.Users.OrderBy(u => u.Email).ToListAsync(ct);
        return members
            .Select(u => new MemberSummary(u.Id, u.Email ?? u.UserName ?? u.Id, roleOf.GetValueOrDefault(u.Id, DashboardRoles.Viewer), u.IsDisabled, u.TwoFactorEnabled, u.CreatedAt))
            .ToList();
    }

    public async Task<InvitationLink> InviteAsync(ClaimsPrincipal admin, string role, TimeSpan lifetime, CancellationToken ct = default)
    {
        await DemandAdminAsync(admin);
        if (!DashboardRoles.All.Contains(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "An invitation lasts between a minute and 30 days.");
        }

        var token = InvitationTokens.Create();
        var now = time.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            TokenHash = InvitationTokens.Hash(token),
            Role = role,
            CreatedById = users.GetUserId(admin)!,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new InvitationLink(invitation.Id, token, role, invitation.ExpiresAt);
    }

    /// <summary>Invitations that could still be used: the ones an admin may want to revoke.</summary>
    public async Task<IReadOnlyList<PendingInvitation>> ListPendingInvitationsAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await DemandAdminAsync(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        // Filtered in memory: SQLite cannot compare DateTimeOffset in SQL, and open invitations are few.
        var open = await db.Invitations.Where(i => i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct);
        return open.Where(i => i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToList();
    }

    /// <summary>Withdraws an unused invitation: its link then refuses registration with a clear message.</summary>
    /// <returns>False when there is no such invitation or it was already used or revoked.</returns>
    public async Task<bool> RevokeInvitationAsync(ClaimsPrincipal admin, Guid invitationId, CancellationToken ct = default)
    {
        await DemandAdminAsync(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is not { UsedAt: null, RevokedAt: null })
        {
            return false;
        }

        invitation.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        SecurityLog.InvitationRevoked(logger, invitation.Id, users.GetUserId(admin)!);
        return true;
    }

    public async Task<IdentityResult> SetRoleAsync(ClaimsPrincipal admin, string userId, string role, CancellationToken ct = default)
    {
        await DemandAdminAsync(admin);
        if (!DashboardRoles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = "Unknown role." });
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownMember", Description = "No such member." });
        }

        var current = await users.GetRolesAsync(user);
        if (role != DashboardRoles.Admin && await lastAdmin.IsLastActiveAdminAsync(user.Id, ct))
        {
            SecurityLog.LastAdminProtected(logger, "the last admin cannot lose the Admin role");
            return IdentityResult.Failed(LastAdminGuard.Refusal);
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRoleAsync(user, role);
        if (added.Succeeded)
        {
            // A new stamp ends sessions that still carry the old role claim.
            await users.UpdateSecurityStampAsync(user);
            signOut.Raise(user.Id);
        }

        return added;
    }

    /// <summary>Disables or re-enables a member. Disabling ends the member's open circuits at once (SEC-23).</summary>
    public async Task<IdentityResult> SetDisabledAsync(ClaimsPrincipal admin, string userId, bool disabled, CancellationToken ct = default)
    {
        await DemandAdminAsync(admin);
        var adminId = users.GetUserId(admin)!;
        if (disabled && userId == adminId)
        {
            return IdentityResult.Failed(new IdentityError { Code = "SelfDisable", Description = "Admins cannot disable themselves." });
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownMember", Description = "No such member." });
        }

        if (disabled && await lastAdmin.IsLastActiveAdminAsync(user.Id, ct))
        {
            SecurityLog.LastAdminProtected(logger, "the last admin cannot be disabled");
            return IdentityResult.Failed(LastAdminGuard.Refusal);
        }

        user.IsDisabled = disabled;
        // Lockout keeps a disabled member out of the password and 2FA sign-in paths as well.
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result;
        }

        if (disabled)
        {
            await users.UpdateSecurityStampAsync(user);
            SecurityLog.MemberDisabled(logger, user.Id, adminId);
            signOut.Raise(user.Id);
        }

        return result;
    }

    private async Task DemandAdminAsync(ClaimsPrincipal admin)
    {
        var result = await authorization.AuthorizeAsync(admin, DashboardPolicies.Admin);
        if (!result.Succeeded)
        {
            throw new UnauthorizedAccessException("Member administration needs the Admin role with two-factor authentication.");
        }
    }
}
