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
