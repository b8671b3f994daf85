using System.Collections.Frozen;
using Dashboard.Web.Data;
using Dashboard.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

/// <summary>
/// Refuses passwords on the shipped list of common passwords, including a listed stem padded with
/// digits or symbols ("password1234", "Qwerty!!!!!!") and single repeated characters (SEC-04).
/// </summary>
public sealed class CommonPasswordValidator(LocalizedIdentityErrorDescriber describer) : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = LocalizedIdentityErrorDescriber.PasswordTooCommonCode;

    private static readonly FrozenSet<string> Blocked = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is null || !IsCommon(password, user))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(describer.PasswordTooCommon()));
    }

    internal static bool IsCommon(string password, ApplicationUser? user = null)
    {
        var lowered = password.ToLowerInvariant();
        if (Blocked.Contains(lowered) || lowered.Distinct().Count() <= 2)
        {
            return true;
        }

        var stem = lowered.TrimEnd("0123456789!@#$%^&*()-_=+.?~ ".ToCharArray());
        if (stem.Length == 0 || Blocked.Contains(stem))
        {
            return true;
        }

        // The member's own e-mail or user name is the first thing an attacker tries.
        var local = user?.Email?.Split('@')[0].ToLowerInvariant();
        return !string.IsNullOrEmpty(local) && local.Length >= 4 && lowered.Contains(local, StringComparison.Ordinal);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Dashboard.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line.Trim().ToLowerInvariant());
            }
        }

        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}
