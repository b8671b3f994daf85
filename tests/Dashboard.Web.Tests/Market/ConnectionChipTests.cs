using Bunit;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Market;

/// <summary>The app bar's chip in every circuit: it renders when what it shows changes, not with each second or tick.</summary>
public sealed class ConnectionChipTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", AddBroker);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void WhileTicksKeepItLiveNeitherTheTicksNorTheSecondsRenderIt()
    {
        Tick();
        var chip = bunit.Render<ConnectionChip>();
        chip.WaitForAssertion(() => Assert.Equal("connected", chip.Find(".connection-chip").GetAttribute("data-state")));
        var rendered = chip.RenderCount;

        for (var i = 0; i < 20; i++)
        {
            bunit.Time.Advance(TimeSpan.FromMilliseconds(500));
            Tick();
        }

        Assert.Equal(rendered, chip.RenderCount);
        Assert.Equal("connected", chip.Find(".connection-chip").GetAttribute("data-state"));
    }

    [Fact]
    public void SilenceTurnsItStaleAndTheAgeCountsEachSecond()
    {
        Tick();
        var chip = bunit.Render<ConnectionChip>();
        chip.WaitForAssertion(() => Assert.Equal("connected", chip.Find(".connection-chip").GetAttribute("data-state")));

        // Each second's age is one render (bUnit counts the view's MudBlazor parts inside it too: the same number each second).
        var counts = new List<int>();
        for (var age = 6; age <= 8; age++)
        {
            bunit.Time.Advance(TimeSpan.FromSeconds(age == 6 ? 6 : 1));
            // The chip renders through its throttle, at least a tick after the second it was woken for.
            bunit.Time.Advance(RenderInterval);
            chip.WaitForAssertion(() => Assert.Contains($"Stale {age}s", chip.Find(".connection-chip").TextContent));
            counts.Add(chip.RenderCount);
        }

        Assert.True(counts[1] > counts[0] && counts[2] - counts[1] == counts[1] - counts[0], "renders after each second: " + string.Join(", ", counts));

        // Ticks again: live at the next second it would have counted.
        Tick();
        bunit.Time.Advance(TimeSpan.FromSeconds(1));
        bunit.Time.Advance(RenderInterval);
        chip.WaitForAssertion(() => Assert.Equal("connected", chip.Find(".connection-chip").GetAttribute("data-state")));
    }

    [Fact]
    public async Task AMemberWhoIsNotSignedInGetsNoChip()
    {
        await using var anonymous = new DashboardTestContext("en", AddBroker);
        anonymous.Auth.SetNotAuthorized();

        var chip = anonymous.Render<ConnectionChip>();

        Assert.Empty(chip.FindAll(".connection-chip"));
    }

    private static TimeSpan RenderInterval => new BrokerOptions().RenderInterval;

    private void AddBroker(IServiceCollection services)
    {
        services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
        services.AddSingleton(TestMeters.Create());
        services.AddOptions<BrokerOptions>();
    }

    private void Tick() =>
        session.Status = new BrokerStatus(BrokerLinkState.Connected, null, null, bunit.Time.GetUtcNow(), true, bunit.Time.GetUtcNow());
}
