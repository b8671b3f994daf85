using System.Text;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>
/// The account pages the first translation pass left in the template's English (e-mail, personal data,
/// set password, external logins, passkey rename, confirmations) speak Korean by default and English on request.
/// </summary>
public sealed class AccountPagesTranslationTests : IAsyncLifetime
{
    private const string Email = "member@team.test";
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("Account/Manage/Email", "새 이메일", "New email")]
    [InlineData("Account/Manage/PersonalData", "계정에는 직접 입력한 개인 데이터가", "Your account holds personal data")]
    [InlineData("Account/Manage/DeletePersonalData", "데이터를 삭제하고 계정 닫기", "Delete data and close my account")]
    [InlineData("Account/Manage/ExternalLogins", "외부 로그인 서비스가 설정되어 있지 않습니다", "No external sign-in service is configured")]
    public async Task ManagePagesAreKoreanByDefaultAndEnglishOnRequest(string path, string korean, string english)
    {
        await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);

        AssertKoreanThenEnglish(await SignedInTextAsync("ko", path), await SignedInTextAsync("en", path), korean, english);
    }

    [Theory]
    [InlineData("ko", "비밀번호 설정", "이 계정에는 아직 비밀번호가 없습니다")]
    [InlineData("en", "Set your password", "This account has no password yet")]
    public async Task SetPasswordSpeaksTheMembersLanguage(string language, string title, string lead)
    {
        var userId = await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);
        var client = LanguageClients.For(factory, language);
        await Browserless.SignInCookieAsync(client, Email, TestMembers.Password);

        // A member who signed up through an external login has no password; dropping the hash directly keeps the
        // security stamp (and so the sign-in) valid, which UserManager.RemovePasswordAsync would not.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, (string?)null));
        }

        var html = await LanguageClients.TextAsync(client, "Account/Manage/SetPassword");
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(lead, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko", "\"내 열쇠\" 패스키의 새 이름을 입력하세요.", "패스키 이름")]
    [InlineData("en", "Enter a new name for your \"내 열쇠\" passkey.", "Passkey name")]
    public async Task RenamePasskeySpeaksTheMembersLanguage(string language, string lead, string label)
    {
        var userId = await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);
        var credentialId = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            var passkey = new UserPasskeyInfo(credentialId, publicKey: [9, 9, 9], DateTimeOffset.UtcNow, signCount: 0, transports: null,
                isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1], clientDataJson: [1])
            {
                Name = "내 열쇠",
            };
            Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
        }

        var client = LanguageClients.For(factory, language);
        await Browserless.SignInCookieAsync(client, Email, TestMembers.Password);
        var html = await LanguageClients.TextAsync(client, "Account/Manage/RenamePasskey/" + WebEncoders.Base64UrlEncode(credentialId));
        Assert.Contains(lead, html, StringComparison.Ordinal);
        Assert.Contains(label, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Account/ResendEmailConfirmation", "확인 메일 다시 보내기", "Resend email confirmation")]
    [InlineData("Account/ConfirmEmailChange?userId=nobody&email=new%40team.test&code=AAAA", "이메일 변경 확인", "Confirm email change")]
    [InlineData("Account/RegisterConfirmation?email=member%40team.test", "계정 확인하기", "Confirm your account")]
    public async Task AnonymousPagesAreKoreanByDefaultAndEnglishOnRequest(string path, string korean, string english)
    {
        await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);

        AssertKoreanThenEnglish(
            await LanguageClients.TextAsync(LanguageClients.Korean(factory), path),
            await LanguageClients.TextAsync(LanguageClients.English(factory), path),
            korean,
            english);
    }

    [Theory]
    [InlineData("ko", "이메일을 확인했습니다. 감사합니다.", "오류: 이메일을 확인하지 못했습니다.")]
    [InlineData("en", "Thank you for confirming your email.", "Error: Your email could not be confirmed.")]
    public async Task ConfirmEmailSaysWhetherTheLinkWorked(string language, string confirmed, string refused)
    {
        var userId = await TestMembers.CreateAsync(factory.Services, Email, DashboardRoles.Viewer);
        string code;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            code = await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(userId))!);
        }

        var client = LanguageClients.For(factory, language);
        var tampered = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code + "x"));
        Assert.Contains(refused, await LanguageClients.TextAsync(client, $"Account/ConfirmEmail?userId={userId}&code={tampered}"), StringComparison.Ordinal);

        var valid = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));
        Assert.Contains(confirmed, await LanguageClients.TextAsync(client, $"Account/ConfirmEmail?userId={userId}&code={valid}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko", "오류: 외부 로그인 정보를 불러오지 못했습니다.")]
    [InlineData("en", "Error: The external login information could not be loaded.")]
    public async Task ExternalLoginWithoutAProviderSendsTheMemberBackWithAMessageInTheirLanguage(string language, string message)
    {
        using var response = await LanguageClients.For(factory, language).GetAsync("Account/ExternalLogin");
        Assert.Equal(message, LanguageClients.StatusMessage(response));
        Assert.EndsWith("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static void AssertKoreanThenEnglish(string koreanPage, string englishPage, string korean, string english)
    {
        Assert.Contains(korean, koreanPage, StringComparison.Ordinal);
        Assert.Contains("mud-paper", koreanPage, StringComparison.Ordinal);
        Assert.Contains(english, englishPage, StringComparison.Ordinal);
        Assert.DoesNotContain(korean, englishPage, StringComparison.Ordinal);
    }

    private async Task<string> SignedInTextAsync(string language, string path)
    {
        var client = LanguageClients.For(factory, language);
        await Browserless.SignInCookieAsync(client, Email, TestMembers.Password);
        return await LanguageClients.TextAsync(client, path);
    }
}
