using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Dashboard.Web.Data;
using Dashboard.Web.Identity;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>Identity's own refusals (password rules, duplicate e-mail, invalid token...) reach the member in Korean or English.</summary>
public sealed class IdentityErrorLanguageTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("ko", "너무 흔한 비밀번호입니다.", "too common")]
    [InlineData("en", "This password is too common.", "너무 흔한")]
    public async Task AWeakPasswordIsRefusedInTheMembersLanguage(string language, string rule, string otherLanguage)
    {
        var client = LanguageClients.For(factory, language);
        var response = await Browserless.RegisterAsync(client, "first@team.test", "password1234", setupCode: TestMembers.SetupCode(factory));

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(rule, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherLanguage, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko", "비밀번호는 12자 이상이어야 합니다.", "이메일 'taken@team.test'은(는) 이미 사용 중입니다.")]
    [InlineData("en", "Passwords must be at least 12 characters.", "Email 'taken@team.test' is already taken.")]
    public async Task UserManagerRefusalsFollowTheCurrentLanguage(string language, string tooShort, string duplicateEmail)
    {
        await TestMembers.CreateAsync(factory.Services, "taken@team.test", DashboardRoles.Viewer);
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            await RefuseInCurrentLanguageAsync(tooShort, duplicateEmail);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private async Task RefuseInCurrentLanguageAsync(string tooShort, string duplicateEmail)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var shortPassword = await users.CreateAsync(new ApplicationUser { UserName = "new@team.test", Email = "new@team.test" }, "short");
        Assert.Contains(shortPassword.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort) && e.Description == tooShort);

        var duplicate = await users.CreateAsync(new ApplicationUser { UserName = "other@team.test", Email = "taken@team.test" }, TestMembers.Password);
        Assert.Contains(duplicate.Errors, e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail) && e.Description == duplicateEmail);
    }

    [Fact]
    public void EveryIdentityErrorIsTranslatedAndKeepsIdentitysCode()
    {
        var methods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError))
            .ToList();
        Assert.True(methods.Count >= 22, "Identity's describer lost its methods?");

        using var scope = factory.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
        var english = new IdentityErrorDescriber();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var method in methods)
            {
                AssertTranslated(method, describer, english);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static void AssertTranslated(MethodInfo method, IdentityErrorDescriber describer, IdentityErrorDescriber english)
    {
        var overridden = describer.GetType().GetMethod(method.Name, method.GetParameters().Select(p => p.ParameterType).ToArray())!;
        Assert.True(overridden.DeclaringType == typeof(LocalizedIdentityErrorDescriber), $"{method.Name} is not translated");

        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "x@team.test").ToArray();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var korean = (IdentityError)method.Invoke(describer, arguments)!;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var inEnglish = (IdentityError)method.Invoke(describer, arguments)!;
        var original = (IdentityError)method.Invoke(english, arguments)!;

        Assert.Equal(original.Code, korean.Code);
        Assert.True(korean.Description.Any(IsHangul), $"{method.Name}: '{korean.Description}' is not Korean");
        Assert.False(inEnglish.Description.Any(IsHangul), $"{method.Name}: '{inEnglish.Description}' is not English");
        foreach (var argument in arguments)
        {
            Assert.Contains(argument.ToString()!, korean.Description, StringComparison.Ordinal);
            Assert.Contains(argument.ToString()!, inEnglish.Description, StringComparison.Ordinal);
        }
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    [Fact]
    public void EveryIdentityErrorTextHasBothLanguages()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Dashboard.Web", "Identity");
        static HashSet<string> Keys(string path) =>
            XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var korean = Keys(Path.Combine(folder, "IdentityErrorText.resx"));
        var english = Keys(Path.Combine(folder, "IdentityErrorText.en.resx"));
        Assert.NotEmpty(korean);
        Assert.Empty(korean.Except(english));
        Assert.Empty(english.Except(korean));
    }
}
