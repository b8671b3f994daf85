using System.Net;
using System.Xml.Linq;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>The account pages speak Korean by default and English on request, and the template's leftovers are gone.</summary>
public sealed class AccountPagesLanguageTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("Account/Login", "로그인", "Sign in")]
    [InlineData("Account/Register", "관리자 계정 만들기", "Create the administrator account")]
    [InlineData("Account/ForgotPassword", "비밀번호 찾기", "Forgot your password?")]
    [InlineData("Account/Lockout", "계정 잠김", "Account locked")]
    [InlineData("Account/AccessDenied", "접근 거부", "Access denied")]
    public async Task PagesAreKoreanByDefaultAndEnglishOnRequest(string path, string korean, string english)
    {
        var ko = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(path));
        Assert.Contains(korean, ko, StringComparison.Ordinal);
        Assert.Contains("mud-paper", ko, StringComparison.Ordinal);

        var en = await EnglishAsync(path);
        Assert.Contains(english, en, StringComparison.Ordinal);
        Assert.DoesNotContain(korean, en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTemplatesExternalLoginBlockIsGone()
    {
        foreach (var path in new[] { "Account/Login", "Account/Register" })
        {
            var html = await factory.CreateClient().GetStringAsync(path);
            Assert.DoesNotContain("Use another service", html, StringComparison.Ordinal);
            Assert.DoesNotContain("go.microsoft.com", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ValidationMessagesFollowTheLanguage()
    {
        var response = await Browserless.LoginAsync(factory.CreateClient(), string.Empty, string.Empty);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("필수 입력 항목입니다.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInManagePagesAreLocalizedToo()
    {
        await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer);
        var client = factory.CreateClient();
        var cookie = await Browserless.SignInCookieAsync(client, "viewer@team.test", TestMembers.Password);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Account/Manage/ChangePassword");
        request.Headers.Add("Cookie", cookie);
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("비밀번호 변경", html, StringComparison.Ordinal);
        Assert.Contains("내 계정", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAccountStringHasBothLanguages()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Dashboard.Web", "Localization");
        static HashSet<string> Keys(string path) =>
            XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var korean = Keys(Path.Combine(folder, "AccountText.resx"));
        var english = Keys(Path.Combine(folder, "AccountText.en.resx"));
        Assert.Empty(korean.Except(english));
        Assert.Empty(english.Except(korean));
    }

    private async Task<string> EnglishAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var response = await factory.CreateClient().SendAsync(request);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
