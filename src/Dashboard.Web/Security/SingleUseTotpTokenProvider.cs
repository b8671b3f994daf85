using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Dashboard.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Security;

/// <summary>
/// RFC 6238 authenticator codes that are accepted once and only in the current or the previous
/// 30-second step (the built-in provider accepts a code for 90 s either side, any number of times).
/// </summary>
public sealed class SingleUseTotpTokenProvider(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider time)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "DashboardTotp";

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        // Codes come from the member's authenticator app; the server never sends one.
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || !TryParseCode(token, out var code))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var currentStep = CurrentStep(time.GetUtcNow());
        for (var step = currentStep; step >= currentStep - 1; step--)
        {
            if (ComputeCode(secret, step) == code)
            {
                return await ClaimStepAsync(user.Id, step);
            }
        }

        return false;
    }

    /// <summary>The 6-digit code of the step containing <paramref name="at"/>; for tests and enrolment checks.</summary>
    public static int ComputeCode(byte[] secret, DateTimeOffset at) => ComputeCode(secret, CurrentStep(at));

    internal static long CurrentStep(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    private static int ComputeCode(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary;
    }

    private static bool TryParseCode(string token, out int code)
    {
        var digits = token.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        code = 0;
        return digits.Length == 6 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    /// <summary>Atomically records the step as used; false when it (or a later step) was already used.</summary>
    private async Task<bool> ClaimStepAsync(string userId, long step)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var updated = await db.UsedTotpSteps
            .Where(s => s.UserId == userId && s.LastStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastStep, step));
        if (updated == 1)
        {
            return true;
        }

        if (await db.UsedTotpSteps.AnyAsync(s => s.UserId == userId))
        {
            return false;
        }

        db.UsedTotpSteps.Add(new UsedTotpStep { UserId = userId, LastStep = step });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request claimed a step for this member at the same moment; treat this code as used.
            return false;
        }
    }
}
