using Bunit;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Polling;

/// <summary>The status line a polling screen shows: a countdown that moves, "throttled" with the reason, "off".</summary>
public sealed class RefreshStatusTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;
    private PollScheduler scheduler = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en");
        scheduler = new PollScheduler(
            Microsoft.Extensions.Options.Options.Create(new Dashboard.Kiwoom.Rest.KiwoomClientOptions()),
            Microsoft.Extensions.Options.Options.Create(new PollingOptions()),
            bunit.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PollScheduler>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task TheCountdownMovesWithTheClock()
    {
        await using var handle = scheduler.Register(session, "rankings", TimeSpan.FromSeconds(10), _ => Task.FromResult(PollOutcome.Refreshed));
        var status = bunit.Render<RefreshStatus>(p => p.Add(s => s.Handle, handle));
        Assert.Contains("Refreshing in 10 s", status.Markup);

        bunit.Time.Advance(TimeSpan.FromSeconds(3));

        status.WaitForAssertion(() => Assert.Contains("Refreshing in 7 s", status.Markup));
        Assert.Equal("waiting", status.Find(".refresh-status").GetAttribute("data-state"));
    }

    [Fact]
    public async Task ScreensOverTheBudgetShowThrottledWithTheReason()
    {
        // 3 requests/s may be planned (5/s × 0.6); four screens at one second want 4.
        var handles = Enumerable.Range(0, 4).Select(i => scheduler.Register(session, $"screen-{i}", TimeSpan.FromSeconds(1), _ => Task.FromResult(PollOutcome.Refreshed))).ToList();
        var status = bunit.Render<RefreshStatus>(p => p.Add(s => s.Handle, handles[0]));

        Assert.Equal("throttled", status.Find(".refresh-status").GetAttribute("data-state"));
        Assert.Contains("Throttled", status.Find(".refresh-throttled").TextContent);
        Assert.Contains("4 open screens share", status.Find(".refresh-status").GetAttribute("title"));
        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }
    }

    [Fact]
    public void WithoutARegistrationItSaysAutoRefreshIsOff()
    {
        var status = bunit.Render<RefreshStatus>();

        Assert.Equal("off", status.Find(".refresh-status").GetAttribute("data-state"));
        Assert.Contains("Auto refresh off", status.Markup);
    }
}
