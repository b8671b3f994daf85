using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Alerts;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Alerts;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.Options;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Alerts;

/// <summary>The /alerts page with the real alert services on the test database and a fake session.</summary>
public sealed class AlertsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeBrokerSession session = new();
    private bool connected;
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton(Options.Create(new BrokerOptions()));
            services.AddSingleton(TestMeters.Create());
            // Resolved at the first render, so each test chooses first whether the member has a connection.
            services.AddSingleton<IBrokerSessions>(_ => new FakeBrokerSessions(connected ? session : null));
            services.AddAlerts();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await bunit.Services.GetRequiredService<AlertMonitor>().DisposeAsync();
        await bunit.DisposeAsync();
    }

    [Fact]
    public void AnAddedAlertIsListedInWords()
    {
        var page = Render();

        page.Find(".alerts-code input").Input("005930");
        page.Find(".alerts-threshold input").Change("70000");
        page.Find(".alerts-create").Click();

        page.WaitForAssertion(() => Assert.Contains("005930 price at or above 70,000 won", page.Find(".alerts-rule").TextContent), Deadline);
        Assert.Contains("Once", page.Find(".alerts-rule").TextContent);
    }

    [Fact]
    public void ABadCodeIsRefusedWithTheReason()
    {
        var page = Render();

        page.Find(".alerts-code input").Input("5930");
        page.Find(".alerts-threshold input").Change("70000");
        page.Find(".alerts-create").Click();

        page.WaitForAssertion(() => Assert.Contains("six capital letters or digits", page.Find(".alerts-problem").TextContent), Deadline);
        Assert.Empty(page.FindAll(".alerts-rule"));
    }

    [Fact]
    public void WithoutAConnectionThePageSaysNothingIsChecked()
    {
        var page = Render(withSession: false);

        page.WaitForAssertion(() => Assert.Contains("there is no usable broker connection", page.Find(".alerts-status-now").TextContent), Deadline);
        Assert.Contains("only while the dashboard is open", page.Find(".alerts-status").TextContent);
    }

    [Fact]
    public async Task AFiringFromTheLiveFeedAppearsInTheHistoryWithoutAReload()
    {
        await bunit.Services.GetRequiredService<AlertService>()
            .CreateAsync(bunit.Member, new AlertInput("005930", AlertKind.PriceBelow, 60_000, 0, Rearm: true));
        var page = Render();
        page.WaitForAssertion(() => Assert.Contains("Checking now", page.Find(".alerts-status-now").TextContent), Deadline);

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade)
            .Publish(new Quote("005930", "삼성전자", 59_800, PriceDirection.Down, -200, -0.33m, 1_000, 1, null, bunit.Time.GetUtcNow(), false));

        page.WaitForAssertion(() => Assert.Contains("59,800 won", page.Find(".alerts-firing").TextContent), Deadline);
    }

    private IRenderedComponent<AlertsPage> Render(bool withSession = true)
    {
        connected = withSession;
        return bunit.Render<AlertsPage>();
    }
}
