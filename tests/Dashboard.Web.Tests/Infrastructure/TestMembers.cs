using System.Security.Claims;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>Creates members directly through the services, and the principals a signed-in member would carry.</summary>
public static class TestMembers
{
    public const string Password = "correct horse battery";

    public static async Task<string> CreateAsync(IServiceProvider services, string email, string role, bool twoFactor = false)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return user.Id;
    }

    /// <summary>The setup code the host printed at start (read back from the captured console log).</summary>
    public static string SetupCode(DashboardFactory factory)
    {
        _ = factory.Services;
        var record = Assert.Single(factory.Logs.GetSnapshot(), r => r.Id.Id == 5008);
        return record.StructuredState!.Single(p => p.Key == "SetupCode").Value!;
    }

    public static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userId)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(userId))!);
    }

    public static async Task<InvitationLink> InviteAsync(IServiceProvider services, ClaimsPrincipal admin, string role, TimeSpan lifetime)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberAdministration>().InviteAsync(admin, role, lifetime);
    }
}
