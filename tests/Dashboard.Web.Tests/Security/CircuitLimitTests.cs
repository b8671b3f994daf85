using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Dashboard.Web.Data;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// SEC-22: one member may hold at most the configured number of circuits, counted where Blazor creates
/// them; the hub offers only WebSockets, whatever spelling of /_blazor the client uses.
/// </summary>
public sealed class CircuitLimitTests : IAsyncLifetime
{
    private const int MaxCircuits = 2;

    private readonly DashboardFactory factory = new(new Dictionary<string, string?> { ["Dashboard:MaxCircuitsPerMember"] = "2" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("_blazor/negotiate?negotiateVersion=1")]
    [InlineData("_blazor/negotiate/?negotiateVersion=1")]
    [InlineData("_BLAZOR/Negotiate?negotiateVersion=1")]
    public async Task NegotiationOffersOnlyWebSockets(string path)
    {
        var answer = await factory.CreateClient().PostAsync(path, null);
        answer.EnsureSuccessStatusCode();

        var transports = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("availableTransports")
            .EnumerateArray().Select(t => t.GetProperty("transport").GetString()).ToList();

        Assert.Equal(["WebSockets"], transports);
    }

    [Theory]
    [InlineData("_blazor")]
    [InlineData("_blazor/")]
    [InlineData("_BLAZOR")]
    public async Task LongPollingIsRefusedOnEverySpellingOfTheHub(string hubPath)
    {
        await TestMembers.CreateAsync(factory.Services, "poller@team.test", DashboardRoles.Viewer);
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        client.DefaultRequestHeaders.Add("Cookie", await Browserless.SignInCookieAsync(factory.CreateClient(), "poller@team.test", TestMembers.Password));
        var negotiate = await client.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        var poll = await client.GetAsync($"{hubPath}?id={token}");

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Contains("LongPolling transport not supported", await poll.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCircuitGetsAMemberCircuitHandler()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        Assert.Contains(scope.ServiceProvider.GetServices<CircuitHandler>(), h => h is MemberCircuitHandler);
    }

    [Fact]
    public async Task CircuitBeyondTheLimitIsRefusedAndAClosedOneFreesASlot()
    {
        var counter = new MemberCircuitCounter(Options.Create(new DashboardOptions { MaxCircuitsPerMember = MaxCircuits }));
        var open = new List<CircuitHandler>();
        for (var i = 0; i < MaxCircuits; i++)
        {
            open.Add(await OpenAsync(counter, "phone"));
        }

        await Assert.ThrowsAsync<CircuitLimitExceededException>(() => OpenAsync(counter, "phone"));
        Assert.Equal(MaxCircuits, counter.OpenCircuits("phone"));

        // Another member is not affected by the first one's count.
        await OpenAsync(counter, "desk");

        await open[0].OnCircuitClosedAsync(null!, CancellationToken.None);
        await open[0].OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.Equal(MaxCircuits - 1, counter.OpenCircuits("phone"));
        await OpenAsync(counter, "phone");
    }

    [Fact]
    public async Task SignedOutCircuitsAreNotCounted()
    {
        var counter = new MemberCircuitCounter(Options.Create(new DashboardOptions { MaxCircuitsPerMember = 1 }));

        await OpenAsync(counter, null);
        await OpenAsync(counter, null);

        Assert.Equal(0, counter.OpenCircuits(string.Empty));
    }

    private static async Task<CircuitHandler> OpenAsync(MemberCircuitCounter counter, string? userId)
    {
        var handler = new MemberCircuitHandler(counter, new FixedAuthentication(userId), NullLogger<MemberCircuitHandler>.Instance);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        return handler;
    }

    private sealed class FixedAuthentication(string? userId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            userId is null ? new ClaimsPrincipal(new ClaimsIdentity()) : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"))));
    }
}
