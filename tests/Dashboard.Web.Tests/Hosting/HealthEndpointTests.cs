using System.Net;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>/healthz is a free liveness answer for anyone; the detailed checks answer only Admins and this machine.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private const string Remote = "203.0.113.7";

    private readonly DashboardFactory factory = new();
    private int probeRuns;
    private WebApplicationFactory<Program> app = default!;

    public Task InitializeAsync()
    {
        // A check that counts its runs stands in for the database query and the outbound simulator call.
        app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddHealthChecks().AddCheck("probe", () =>
        {
            Interlocked.Increment(ref probeRuns);
            return HealthCheckResult.Healthy();
        })));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task PublicLivenessAnswersWithoutRunningAnyCheck()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.SendAsync(TestRemoteAddress.Get("healthz", Remote));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("\"status\":\"Healthy\"", body);
            Assert.DoesNotContain("database", body);
        }

        Assert.Equal(0, Volatile.Read(ref probeRuns));
    }

    [Fact]
    public async Task ReadinessIsNotShownToAnAnonymousRemoteCaller()
    {
        var response = await app.CreateClient().SendAsync(TestRemoteAddress.Get("healthz/ready", Remote));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("database", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Volatile.Read(ref probeRuns));
    }

    [Fact]
    public async Task ReadinessReportsEveryCheckToALoopbackCaller()
    {
        var response = await app.CreateClient().SendAsync(TestRemoteAddress.Get("healthz/ready", "127.0.0.1"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"keyring\":{\"status\":\"Healthy\"", body);
        Assert.Equal(1, Volatile.Read(ref probeRuns));
    }

    [Fact]
    public async Task ReadinessReportsEveryCheckToASignedInAdmin()
    {
        await TestMembers.CreateAsync(app.Services, "admin@team.test", DashboardRoles.Admin);
        var signIn = await Browserless.LoginAsync(app.CreateClient(), "admin@team.test", TestMembers.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-dashboard=", StringComparison.Ordinal)).Split(';')[0];

        using var request = TestRemoteAddress.Get("healthz/ready", Remote);
        request.Headers.Add("Cookie", cookie);
        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessIsNotShownToASignedInViewer()
    {
        await TestMembers.CreateAsync(app.Services, "viewer@team.test", DashboardRoles.Viewer);
        var signIn = await Browserless.LoginAsync(app.CreateClient(), "viewer@team.test", TestMembers.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-dashboard=", StringComparison.Ordinal)).Split(';')[0];

        using var request = TestRemoteAddress.Get("healthz/ready", Remote);
        request.Headers.Add("Cookie", cookie);
        var response = await app.CreateClient().SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Volatile.Read(ref probeRuns));
    }
}
