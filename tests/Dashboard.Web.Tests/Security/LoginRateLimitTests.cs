using System.Net;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-09: credential posts beyond the window's permits get 429 with Retry-After.</summary>
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private const int Permits = 3;

    private readonly DashboardFactory factory = new(new Dictionary<string, string?>
    {
        ["Dashboard:LoginPermitsPerWindow"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dashboard:LoginWindow"] = "00:01:00",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task AttemptBeyondTheWindowGets429WithRetryAfter()
    {
        var client = factory.CreateClient();
        for (var attempt = 0; attempt < Permits; attempt++)
        {
            var allowed = await Browserless.LoginAsync(client, "nobody@team.test", "wrong password " + attempt);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var limited = await Browserless.LoginAsync(client, "nobody@team.test", "one more try here");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Theory]
    [InlineData("Account/Login/")]
    [InlineData("account/LOGIN")]
    [InlineData("Account/LoginWith2fa/")]
    [InlineData("ACCOUNT/LoginWithRecoveryCode")]
    [InlineData("Account/Register/")]
    [InlineData("account/forgotpassword/")]
    [InlineData("Account/ResetPassword/")]
    public async Task EverySpellingOfACredentialPathSharesTheLimit(string path)
    {
        var client = factory.CreateClient();
        for (var attempt = 0; attempt < Permits; attempt++)
        {
            var allowed = await client.PostAsync(path, JunkForm());
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var limited = await client.PostAsync(path, JunkForm());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task BlazorHubConnectsAreLimitedWithATrailingSlashToo()
    {
        await using var hubFactory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:CircuitConnectPermitsPerWindow"] = "2" });
        var client = hubFactory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "_blazor/negotiate?negotiateVersion=1", "_blazor/negotiate/?negotiateVersion=1", "_BLAZOR/Negotiate?negotiateVersion=1" })
        {
            statuses.Add((await client.PostAsync(path, null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static FormUrlEncodedContent JunkForm() => new(new Dictionary<string, string> { ["Input.Email"] = "nobody@team.test", ["Input.Password"] = "wrong password here" });

    [Fact]
    public async Task PagesThatAreNotCredentialPostsAreNotLimited()
    {
        var client = factory.CreateClient();
        for (var attempt = 0; attempt < Permits * 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Account/Login")).StatusCode);
        }
    }
}
