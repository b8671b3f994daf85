using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Dashboard.Web.Tests.Broker;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// nginx (Debian's, on loopback) in front of two real instances on Kestrel that share PostgreSQL and Redis:
/// a client sticks to one instance, the Blazor hub's WebSocket upgrade passes through, and when that instance
/// stops the next request is served by the other.
/// </summary>
public sealed class NginxTests : IAsyncLifetime
{
    private readonly Dictionary<string, KestrelDashboardFactory> instances = [];
    private PostgresDatabase database = null!;
    private LoopbackNginx nginx = null!;
    private readonly HttpClient client = new();

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        var prefix = "dashboard-test-" + Guid.NewGuid().ToString("N")[..8];
        var addresses = new List<Uri>();
        foreach (var name in new[] { "a", "b" })
        {
            var factory = new KestrelDashboardFactory(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Dashboard"] = database.ConnectionString,
                ["ScaleOut:Redis"] = ScaleOutServices.Redis,
                ["ScaleOut:Prefix"] = prefix,
                ["ScaleOut:InstanceId"] = name,
            });
            factory.StartServer();
            var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)), "Tests stay on loopback.");
            instances[address.Authority] = factory;
            addresses.Add(address);
        }

        nginx = await LoopbackNginx.StartAsync(addresses[0], addresses[1]);
        client.BaseAddress = nginx.Address;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await nginx.DisposeAsync();
        foreach (var factory in instances.Values)
        {
            await factory.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task AClientSticksToOneInstanceAndItsCircuitSocketUpgradesThroughNginx()
    {
        var served = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            served.Add(await HealthzUpstreamAsync());
        }

        var sticky = Assert.Single(served);
        Assert.Contains(sticky, instances.Keys);

        using var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(sticky, negotiate.Headers.GetValues("X-Upstream").Single());
        using var body = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"ws://{nginx.Address.Authority}/_blazor?id={token}"), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
    }

    [Fact]
    public async Task WhenTheStickyInstanceStopsTheOtherServesTheNextRequest()
    {
        var sticky = await HealthzUpstreamAsync();
        await instances[sticky].DisposeAsync();
        instances.Remove(sticky);

        var next = await HealthzUpstreamAsync();

        Assert.NotEqual(sticky, next);
        Assert.Equal(instances.Keys.Single(), next);
    }

    private async Task<string> HealthzUpstreamAsync()
    {
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // After a failed try nginx names both upstreams ("a, b"); the last one answered.
        return response.Headers.GetValues("X-Upstream").Single().Split(", ").Last();
    }
}
