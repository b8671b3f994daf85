using System.Security.Cryptography;
using Dashboard.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Security;

/// <summary>
/// Identity's EF user store, except that the authenticator (TOTP) key and the recovery codes are kept as Data
/// Protection ciphertext in AspNetUserTokens: a copy of the database alone no longer yields anyone's second factor.
/// Identity keeps both as tokens of its internal login provider, so protecting that provider's tokens covers both.
/// </summary>
internal sealed class ProtectedTokenUserStore(ApplicationDbContext context, IDataProtectionProvider protection, ILogger<ProtectedTokenUserStore> logger, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, ApplicationDbContext>(context, describer)
{
    public const string InternalLoginProvider = "[AspNetUserStore]";

    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, IsProtected(loginProvider) && value is not null ? StoredTokens.Protect(protection, value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (!IsProtected(loginProvider) || stored is null)
        {
            return stored;
        }

        try
        {
            return StoredTokens.Unprotect(protection, stored);
        }
        catch (CryptographicException)
        {
            // A lost or replaced key ring: the factor cannot be read; the member resets 2FA (an admin can) instead of a crash.
            SecurityLog.StoredTokenUnreadable(logger, name);
            return null;
        }
    }

    private static bool IsProtected(string loginProvider) => loginProvider == InternalLoginProvider;
}

/// <summary>The protected form of Identity's internal tokens, and the start-up step that protects rows stored before it.</summary>
internal static class StoredTokens
{
    private const string Purpose = "Dashboard.Identity.InternalTokens.v1";
    private const string Marker = "dp1:";

    public static string Protect(IDataProtectionProvider protection, string value) =>
        Marker + protection.CreateProtector(Purpose).Protect(value);

    /// <summary>The plain value; a row from before protection (no marker) is returned as stored until it is migrated.</summary>
    public static string Unprotect(IDataProtectionProvider protection, string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal) ? protection.CreateProtector(Purpose).Unprotect(stored[Marker.Length..]) : stored;

    /// <summary>Protects every internal token still stored in plain text; returns how many rows changed.</summary>
    public static async Task<int> ProtectPlainRowsAsync(ApplicationDbContext db, IDataProtectionProvider protection, CancellationToken ct)
    {
        var plain = await db.UserTokens
            .Where(t => t.LoginProvider == ProtectedTokenUserStore.InternalLoginProvider && t.Value != null && !t.Value.StartsWith(Marker))
            .ToListAsync(ct);
        foreach (var row in plain)
        {
            row.Value = Protect(protection, row.Value!);
        }

        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
