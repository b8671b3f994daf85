extern alias simulator;

using System.Net;
using System.Net.Http.Json;
using Dashboard.Web.Connections;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>
/// One type per section: "SimulatorHosting" says whether and where this host serves the simulator, "Simulator" is the
/// simulated market alone. The hosting keys' old names under "Simulator" keep working (with a warning at start), and an
/// old and a new name that disagree stop the start with a message naming both.
/// </summary>
public sealed class SimulatorHostingSettingsTests
{
    private const string Stranger = "203.0.113.9";

    [Fact]
    public void TheNewSectionIsRead()
    {
        var options = SimulatorHostingConfiguration.Read(Configuration(new()
        {
            ["SimulatorHosting:Enabled"] = "false",
            ["SimulatorHosting:Prefix"] = "/sim",
            ["SimulatorHosting:BaseUrl"] = "https://app1.test/sim/",
            ["SimulatorHosting:AllowRemote"] = "true",
        }));

        Assert.False(options.Enabled);
        Assert.Equal("/sim", options.Prefix);
        Assert.Equal("https://app1.test/sim/", options.BaseUrl);
        Assert.True(options.AllowRemote);
    }

    [Fact]
    public void OldNamesStillWorkAndAreListedForTheWarning()
    {
        var configuration = Configuration(new()
        {
            ["Simulator:Enabled"] = "false",
            ["Simulator:Prefix"] = "/old-sim",
            ["Simulator:BaseUrl"] = "https://app1.test/old-sim/",
            ["Simulator:AllowRemote"] = "true",
            ["Simulator:Seed"] = "7",
        });

        var options = SimulatorHostingConfiguration.Read(configuration);

        Assert.False(options.Enabled);
        Assert.Equal("/old-sim", options.Prefix);
        Assert.Equal("https://app1.test/old-sim/", options.BaseUrl);
        Assert.True(options.AllowRemote);
        Assert.Equal(["Simulator:Enabled", "Simulator:Prefix", "Simulator:BaseUrl", "Simulator:AllowRemote"], SimulatorHostingConfiguration.OldKeysIn(configuration));
    }

    [Fact]
    public void AnEmptyNewValueLeavesTheOldNameInCharge()
    {
        // A test host defaults SimulatorHosting:BaseUrl to "" (own address) and a caller overrides it by its old name.
        var options = SimulatorHostingConfiguration.Read(Configuration(new()
        {
            ["SimulatorHosting:BaseUrl"] = "",
            ["Simulator:BaseUrl"] = "https://app1.test/kiwoom-sim/",
        }));

        Assert.Equal("https://app1.test/kiwoom-sim/", options.BaseUrl);
    }

    [Fact]
    public void AnOldNameInALaterSourceOverridesTheNewNameInAnEarlierOne()
    {
        // appsettings.json ships "SimulatorHosting:Enabled": true; an existing deployment's Simulator__Enabled=false still wins.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SimulatorHosting:Enabled"] = "true", ["SimulatorHosting:Prefix"] = "/kiwoom-sim" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Simulator:Enabled"] = "false" })
            .Build();

        var options = SimulatorHostingConfiguration.Read(configuration);

        Assert.False(options.Enabled);
        Assert.Equal("/kiwoom-sim", options.Prefix);
    }

    [Fact]
    public void ANewNameInALaterSourceOverridesAnOldNameInAnEarlierOne()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Simulator:BaseUrl"] = "https://old.test/kiwoom-sim/" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SimulatorHosting:BaseUrl"] = "https://new.test/kiwoom-sim/" })
            .Build();

        Assert.Equal("https://new.test/kiwoom-sim/", SimulatorHostingConfiguration.Read(configuration).BaseUrl);
    }

    [Fact]
    public void AnOldAndANewNameThatDisagreeInOneSourceAreRefusedNamingBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SimulatorHostingConfiguration.Read(Configuration(new()
        {
            ["SimulatorHosting:BaseUrl"] = "https://dashboard.test/kiwoom-sim/",
            ["Simulator:BaseUrl"] = "https://elsewhere.test/kiwoom-sim/",
        })));

        Assert.Contains("Simulator:BaseUrl is the old name of SimulatorHosting:BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove Simulator:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameValueUnderBothNamesIsNoConflict()
    {
        var options = SimulatorHostingConfiguration.Read(Configuration(new() { ["SimulatorHosting:Prefix"] = "/s", ["Simulator:Prefix"] = "/s" }));

        Assert.Equal("/s", options.Prefix);
    }

    [Fact]
    public void DefaultsServeTheSimulatorOnLoopbackUnderItsUsualPath()
    {
        var options = SimulatorHostingConfiguration.Read(Configuration(new()));

        Assert.True(options.Enabled);
        Assert.Equal("/kiwoom-sim", options.Prefix);
        Assert.Null(options.BaseUrl);
        Assert.False(options.AllowRemote);
    }

    [Fact]
    public void AnOldAndANewNameThatDisagreeStopTheStartNamingBoth()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Simulator:BaseUrl"] = "https://elsewhere.test/kiwoom-sim/" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = string.Join(" | ", Messages(error));
        Assert.Contains("Simulator:BaseUrl is the old name of SimulatorHosting:BaseUrl", message, StringComparison.Ordinal);
        Assert.Contains("Remove Simulator:BaseUrl", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueOfTheWrongTypeStopsTheStartNamingTheSection()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SimulatorHostingConfiguration.Read(Configuration(new() { ["SimulatorHosting:Enabled"] = "sometimes" })));

        Assert.Contains("SimulatorHosting settings cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostHonoursAnOldNameAndWarnsAboutIt()
    {
        await using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Simulator:AllowRemote"] = "true" });
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(TokenRequest(Stranger));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.Services.GetRequiredService<IOptions<SimulatorHostingOptions>>().Value.AllowRemote);
        var warning = Assert.Single(factory.Logs.GetSnapshot(), r => r.Id.Id == 5022);
        Assert.Contains("Simulator:AllowRemote is read as SimulatorHosting:AllowRemote", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutEitherNameTheSimulatorRefusesAnotherMachineAndNothingIsWarned()
    {
        await using var factory = new DashboardFactory();
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(TokenRequest(Stranger));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Id.Id == 5022);
    }

    [Fact]
    public async Task TheOldEnabledNameStillTurnsTheEmbeddedSimulatorOff()
    {
        await using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Simulator:Enabled"] = "false" });
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(TokenRequest(from: null));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("return_code", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(factory.Services.GetService<simulator::Dashboard.Kiwoom.Simulator.Market.MarketEngine>());
        Assert.False(factory.Services.GetRequiredService<IOptions<SimulatorHostingOptions>>().Value.Enabled);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }
            }
        }
    }

    private static HttpRequestMessage TokenRequest(string? from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/kiwoom-sim/oauth2/token")
        {
            Content = JsonContent.Create(new { grant_type = "client_credentials", appkey = "HOSTINGKEY001", secretkey = "secret-HOSTINGKEY001" }),
        };
        if (from is not null)
        {
            request.Headers.Add(TestRemoteAddress.Header, from);
        }

        return request;
    }
}
