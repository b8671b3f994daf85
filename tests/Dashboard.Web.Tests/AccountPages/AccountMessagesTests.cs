using System.Net;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>
/// Messages the template left in English or as its 404: the passkey page's unknown action, and an e-mail
/// confirmation link naming a user that does not exist (which must read exactly like a bad code).
/// </summary>
public sealed class AccountMessagesTests : IAsyncLifetime
{
    private const string Email = "member@team.test";
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("ko", "오류: 알 수 없는 패스키 작업입니다. 이름 바꾸기 또는 삭제를 누르세요.")]
    [InlineData("en", "Error: unknown passkey action. Choose rename or delete.")]
    public async Task AnUnknownPasskeyActionIsExplainedInTheMembersLanguage(string language, string message)
    {
        var userId = await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);
        var credentialId = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var passkey = new UserPasskeyInfo(credentialId, publicKey: [9, 9, 9], DateTimeOffset.UtcNow, signCount: 0, transports: null,
                isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1], clientDataJson: [1]);
            Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(userId))!, passkey)).Succeeded);
        }

        var client = LanguageClients.For(factory, language);
        await Browserless.SignInCookieAsync(client, Email, TestMembers.Password);
        var id = WebEncoders.Base64UrlEncode(credentialId);
        using var response = await Browserless.PostFormAsync(client, "Account/Manage/Passkeys", "update-passkey-" + id, new Dictionary<string, string>
        {
            ["CredentialId"] = id,
            ["Action"] = "explode",
        });

        Assert.Equal(message, LanguageClients.StatusMessage(response));
    }

    [Theory]
    [InlineData("ko", "오류: 이메일을 확인하지 못했습니다. 링크가 올바르지 않거나 만료되었습니다.")]
    [InlineData("en", "Error: Your email could not be confirmed. The link is invalid or has expired.")]
    public async Task AConfirmationLinkForNobodyReadsLikeABadCode(string language, string message)
    {
        var userId = await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);
        var client = LanguageClients.For(factory, language);
        var badCode = WebEncoders.Base64UrlEncode("not-a-token"u8.ToArray());

        var (knownStatus, known) = await PageAsync(client, $"Account/ConfirmEmail?userId={userId}&code={badCode}");
        var (unknownStatus, unknown) = await PageAsync(client, $"Account/ConfirmEmail?userId={Guid.NewGuid()}&code={badCode}");
        var (mangledStatus, mangled) = await PageAsync(client, $"Account/ConfirmEmail?userId={Guid.NewGuid()}&code=%25%25%25");

        Assert.Equal(HttpStatusCode.OK, knownStatus);
        Assert.Equal(knownStatus, unknownStatus);
        Assert.Equal(knownStatus, mangledStatus);
        Assert.Contains(message, known, StringComparison.Ordinal);
        Assert.Contains(message, unknown, StringComparison.Ordinal);
        Assert.Contains(message, mangled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmailChangeLinkForNobodyReadsLikeABadCode()
    {
        var userId = await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);
        var client = LanguageClients.English(factory);
        var badCode = WebEncoders.Base64UrlEncode("not-a-token"u8.ToArray());

        var (_, known) = await PageAsync(client, $"Account/ConfirmEmailChange?userId={userId}&email=new%40team.test&code={badCode}");
        var (status, unknown) = await PageAsync(client, $"Account/ConfirmEmailChange?userId={Guid.NewGuid()}&email=new%40team.test&code={badCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Error: Your email could not be changed.", known, StringComparison.Ordinal);
        Assert.Contains("Error: Your email could not be changed.", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("No user matches", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResetLinkWithAMangledCodeLeadsToTheInvalidLinkPageNotAServerError()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = factory.ClientOptions.BaseAddress });

        using var response = await client.GetAsync("Account/ResetPassword?code=%25%25%25");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("Account/InvalidPasswordReset", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
