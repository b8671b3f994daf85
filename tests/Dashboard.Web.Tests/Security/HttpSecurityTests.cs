using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-03..SEC-10 through HTTP against the production host.</summary>
public sealed class HttpSecurityTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new(new Dictionary<string, string?> { ["Dashboard:LoginPermitsPerWindow"] = "30" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task TwelveLowercaseCharactersAreAcceptedAsAPassword()
    {
        var client = factory.CreateClient();
        var response = await Browserless.RegisterAsync(client, "first@team.test", "tigerlilypad", setupCode: TestMembers.SetupCode(factory));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("EnableAuthenticator", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Qwertyuiop12")]
    [InlineData("aaaaaaaaaaaaaa")]
    public async Task CommonPasswordsAreRefused(string password)
    {
        var client = factory.CreateClient();
        var response = await Browserless.RegisterAsync(client, "first@team.test", password, setupCode: TestMembers.SetupCode(factory));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The page speaks Korean by default (IdentityErrorLanguageTests checks the English text).
        Assert.Contains("너무 흔한 비밀번호", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ElevenCharactersAreRefused()
    {
        var client = factory.CreateClient();
        var response = await Browserless.RegisterAsync(client, "first@team.test", "tigerlilypa", setupCode: TestMembers.SetupCode(factory));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("__Host-dashboard=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task AuthCookieIsHostPrefixedSecureHttpOnlyAndSameSite()
    {
        var client = factory.CreateClient();
        var response = await Browserless.RegisterAsync(client, "first@team.test", "tigerlilypad", setupCode: TestMembers.SetupCode(factory));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-dashboard=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ResponsesCarryHstsCspAndHardeningHeaders()
    {
        var response = await factory.CreateClient().GetAsync("Account/Login");
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        var maxAge = long.Parse(Regex.Match(hsts, "max-age=(\\d+)").Groups[1].Value);
        Assert.True(maxAge >= 31536000, hsts);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-eval", scriptSrc);
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task LoginPostWithoutAntiforgeryTokenIsRefused()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "a@team.test",
            ["Input.Password"] = "whatever-it-is",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("https://dashboard.test", HttpStatusCode.OK)]
    public async Task BlazorHubNegotiationChecksTheOrigin(string origin, HttpStatusCode expected)
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        var response = await client.SendAsync(request);
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task FifthWrongPasswordLocksTheMemberOut()
    {
        await TestMembers.CreateAsync(factory.Services, "trader@team.test", "Trader");
        var client = factory.CreateClient();
        for (var attempt = 1; attempt < 5; attempt++)
        {
            var wrong = await Browserless.LoginAsync(client, "trader@team.test", "not the password " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var fifth = await Browserless.LoginAsync(client, "trader@team.test", "not the password 5");
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.ToString());

        var right = await Browserless.LoginAsync(client, "trader@team.test", TestMembers.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.ToString());
    }
}
