using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Members;

/// <summary>
/// Creates accounts: the very first one on a fresh install becomes Admin; every later one needs an
/// unexpired, unused invitation whose role it receives. No default account exists.
/// </summary>
public sealed class MemberRegistration(
    UserManager<ApplicationUser> users,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    ConnectionService connections,
    IOptions<SimulatorHostingOptions> simulator,
    FirstRunGate gate,
    SetupCode firstRunCode,
    TimeProvider time,
    ILogger<MemberRegistration> logger)
{
    public static readonly IdentityError InvitationRequired = new()
    {
        Code = "InvitationRequired",
        Description = "Registration needs a valid invitation link from an admin. Ask an admin for a new link.",
    };

    public static readonly IdentityError SetupCodeRequired = new()
    {
        Code = "SetupCodeRequired",
        Description = "Enter the setup code printed in the server's console when it started.",
    };

    public static readonly IdentityError InvitationRevoked = new()
    {
        Code = "InvitationRevoked",
        Description = "This invitation link was revoked by an admin. Ask an admin for a new link.",
    };

    /// <summary>True until the first account exists.</summary>
    public async Task<bool> IsFirstRunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return !await db.Users.AnyAsync(ct);
    }

    /// <summary>The role an invitation token grants, or null when it is unknown, used, expired or revoked.</summary>
    public async Task<string?> InvitationRoleAsync(string? token, CancellationToken ct = default)
    {
        var (state, role) = await CheckInvitationAsync(token, ct);
        return state == InvitationState.Usable ? role : null;
    }

    /// <summary>What a token is worth and, when usable, the role it grants.</summary>
    public async Task<(InvitationState State, string? Role)> CheckInvitationAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (InvitationState.Missing, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = InvitationTokens.Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        var state = StateOf(invitation);
        return (state, state == InvitationState.Usable ? invitation!.Role : null);
    }

    /// <param name="password">Null for an external sign-in, which has no password here; it needs the invitation all the same.</param>
    /// <param name="setupCode">Needed only for the very first account (see <see cref="SetupCode"/>).</param>
    public async Task<RegistrationResult> RegisterAsync(string email, string? password, string? invitationToken, string? setupCode = null, CancellationToken ct = default)
    {
        // One registration at a time, so two people racing on a fresh install cannot both become Admin.
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var firstRun = !await db.Users.AnyAsync(ct);
            Invitation? invitation = null;
            if (firstRun && !firstRunCode.Matches(setupCode))
            {
                SecurityLog.RegistrationRefused(logger, "the first account needs the setup code");
                return RegistrationResult.Failed(SetupCodeRequired);
            }

            if (!firstRun)
            {
                var hash = invitationToken is null ? null : InvitationTokens.Hash(invitationToken);
                var presented = hash is null ? null : await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
                var state = StateOf(presented);
                if (state == InvitationState.Revoked)
                {
                    SecurityLog.RegistrationRefused(logger, "the invitation was revoked");
                    return RegistrationResult.Failed(InvitationRevoked);
                }

                if (state != InvitationState.Usable)
                {
                    SecurityLog.RegistrationRefused(logger, "no valid invitation");
                    return RegistrationResult.Failed(InvitationRequired);
                }

                invitation = presented;
            }

            var role = firstRun ? DashboardRoles.Admin : invitation!.Role;
            var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = time.GetUtcNow() };
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return RegistrationResult.Failed([.. created.Errors]);
            }

            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Role '{role}' could not be granted: {string.Join("; ", added.Errors.Select(e => e.Code))}");
            }

            if (firstRun)
            {
                firstRunCode.Retire();
            }

            if (invitation is not null)
            {
                invitation.UsedAt = time.GetUtcNow();
                invitation.UsedById = user.Id;
                await db.SaveChangesAsync(ct);
            }

            if (simulator.Value.Enabled)
            {
                await connections.ProvisionSimulatorAsync(user.Id, ct);
            }

            SecurityLog.MemberRegistered(logger, user.Id, role);
            return new RegistrationResult(user.Id, role, []);
        }
        finally
        {
            gate.Release();
        }
    }

    private InvitationState StateOf(Invitation? invitation) => invitation switch
    {
        null => InvitationState.Unknown,
        { RevokedAt: not null } => InvitationState.Revoked,
        { UsedAt: not null } => InvitationState.Used,
        _ when invitation.ExpiresAt <= time.GetUtcNow() => InvitationState.Expired,
        _ => InvitationState.Usable,
    };
}
