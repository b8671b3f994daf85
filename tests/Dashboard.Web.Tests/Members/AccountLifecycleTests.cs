using System.Globalization;
using System.Net;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Tests.Members;

/// <summary>
/// The first account needs the console's one-time setup code; the last admin cannot demote, disable or
/// delete themselves; turning 2FA off asks for the password again.
/// </summary>
public sealed class AccountLifecycleTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new(new Dictionary<string, string?> { ["Dashboard:LoginPermitsPerWindow"] = "50" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<RegistrationResult> RegisterFirstAsync(string? setupCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberRegistration>().RegisterAsync("admin@team.test", TestMembers.Password, null, setupCode);
    }

    [Fact]
    public async Task TheSetupCodeIsPrintedOnceAtStartOnAnEmptyDatabase()
    {
        var code = TestMembers.SetupCode(factory);

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.True(factory.Services.GetRequiredService<SetupCode>().IsOutstanding);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAA-BBBB-CCCC")]
    public async Task FirstRegistrationWithoutTheRightSetupCodeIsRefused(string? attempt)
    {
        var result = await RegisterFirstAsync(attempt);

        Assert.False(result.Succeeded);
        Assert.Equal(MemberRegistration.SetupCodeRequired.Code, Assert.Single(result.Errors).Code);
        Assert.True(await IsEmptyAsync());
    }

    [Fact]
    public async Task SetupCodeIsAcceptedInLowerCaseWithoutDashesAndThenNeverAgain()
    {
        var code = TestMembers.SetupCode(factory);

        var first = await RegisterFirstAsync(code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant());

        Assert.True(first.Succeeded);
        Assert.Equal(DashboardRoles.Admin, first.Role);
        Assert.False(factory.Services.GetRequiredService<SetupCode>().Matches(code));
    }

    [Fact]
    public async Task RegisterPageOnAnEmptyDatabaseRefusesAMissingSetupCode()
    {
        var response = await Browserless.RegisterAsync(factory.CreateClient(), "first@team.test", "tigerlilypad");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("__Host-dashboard=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.True(await IsEmptyAsync());
    }

    [Fact]
    public async Task TheLastAdminCanNeitherBeDemotedNorDisabled()
    {
        var adminId = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var admin = await TestMembers.PrincipalAsync(factory.Services, adminId);
        await using var scope = factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<MemberAdministration>();

        var demoted = await administration.SetRoleAsync(admin, adminId, DashboardRoles.Viewer);
        var disabled = await administration.SetDisabledAsync(admin, adminId, true);

        Assert.Equal(LastAdminGuard.Refusal.Code, Assert.Single(demoted.Errors).Code);
        Assert.False(disabled.Succeeded);
        Assert.True(await IsAdminAsync(adminId));
    }

    [Fact]
    public async Task WithASecondAdminTheFirstMayBeDemoted()
    {
        var firstId = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var secondId = await TestMembers.CreateAsync(factory.Services, "deputy@team.test", DashboardRoles.Admin, twoFactor: true);
        var second = await TestMembers.PrincipalAsync(factory.Services, secondId);
        await using var scope = factory.Services.CreateAsyncScope();

        var demoted = await scope.ServiceProvider.GetRequiredService<MemberAdministration>().SetRoleAsync(second, firstId, DashboardRoles.Trader);

        Assert.True(demoted.Succeeded);
        Assert.False(await IsAdminAsync(firstId));
    }

    [Fact]
    public async Task TheLastAdminCannotDeleteTheirAccount()
    {
        var adminId = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin);
        var client = factory.CreateClient();
        var cookie = await Browserless.SignInCookieAsync(client, "admin@team.test", TestMembers.Password);
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await Browserless.PostFormAsync(client, "Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = TestMembers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The account pages speak Korean by default.
        Assert.Contains("마지막 관리자", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.True(await IsAdminAsync(adminId));
    }

    [Fact]
    public async Task AViewerMayStillDeleteTheirAccount()
    {
        await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin);
        var viewerId = await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", await Browserless.SignInCookieAsync(client, "viewer@team.test", TestMembers.Password));

        var response = await Browserless.PostFormAsync(client, "Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = TestMembers.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(viewerId));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("a wrong password", true)]
    [InlineData(TestMembers.Password, false)]
    public async Task TurningTwoFactorOffNeedsThePassword(string password, bool stillEnabled)
    {
        var userId = await TestMembers.CreateAsync(factory.Services, "trader@team.test", DashboardRoles.Trader, twoFactor: true);
        var client = await SignInWithTwoFactorAsync(userId, "trader@team.test");

        await Browserless.PostFormAsync(client, "Account/Manage/Disable2fa", "disable-2fa", new Dictionary<string, string> { ["Password"] = password });

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(stillEnabled, await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(userId))!));
    }

    private async Task<HttpClient> SignInWithTwoFactorAsync(string userId, string email)
    {
        string key;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!))!;
        }

        var client = factory.CreateClient();
        var password = await Browserless.LoginAsync(client, email, TestMembers.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.ToString());
        client.DefaultRequestHeaders.Add("Cookie", CookiePairs(password));
        var code = SingleUseTotpTokenProvider.ComputeCode(Base32.Decode(key), DateTimeOffset.UtcNow).ToString("D6", CultureInfo.InvariantCulture);
        var second = await Browserless.PostFormAsync(client, password.Headers.Location!.ToString(), "login-with-2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = code });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", CookiePairs(second));
        return client;
    }

    private static string CookiePairs(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')));

    private async Task<bool> IsEmptyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return !scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().Users.Any();
    }

    private async Task<bool> IsAdminAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is { IsDisabled: false } && await users.IsInRoleAsync(user, DashboardRoles.Admin);
    }
}
