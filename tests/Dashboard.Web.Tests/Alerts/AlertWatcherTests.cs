using Bunit;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Alerts;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Alerts;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Alerts;

/// <summary>The layout's watcher: a firing shows as a message on whatever page is open; no alerts, no broker session.</summary>
public sealed class AlertWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeBrokerSession session = new();
    private FakeBrokerSessions sessions = default!;
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        sessions = new FakeBrokerSessions(session);
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton(Options.Create(new BrokerOptions()));
            services.AddSingleton(TestMeters.Create());
            services.AddSingleton<IBrokerSessions>(sessions);
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
    public async Task AFiredAlertShowsAtOnceAsAMessage()
    {
        await Alerts.CreateAsync(bunit.Member, new AlertInput("005930", AlertKind.PriceAbove, 70_000, 0, Rearm: false));
        var layout = RenderLayout();
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.Count == 1, Deadline);

        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Publish(QuoteOf(70_100));

        layout.WaitForAssertion(() => Assert.Contains("Alert: 005930 price at or above 70,000 won — 70,100 won", layout.Markup), Deadline);
    }

    [Fact]
    public async Task AMemberWithoutAlertsOpensNoSessionUntilTheirFirstAlert()
    {
        RenderLayout();
        Assert.Null(sessions.Session);

        await Alerts.CreateAsync(bunit.Member, new AlertInput("005930", AlertKind.ViTriggered, 0, 0, Rearm: true));

        await Eventually.TrueAsync(() => sessions.Session is not null && session.FakeFeeds.Opened.Count == 1, Deadline);
        Assert.Equal(RealtimeTypes.ViTrigger, session.FakeFeeds.Opened.Single().Type);
    }

    private AlertService Alerts => bunit.Services.GetRequiredService<AlertService>();

    /// <summary>What the layout holds: the snackbar host and the watcher.</summary>
    private IRenderedComponent<MudSnackbarProvider> RenderLayout()
    {
        var snackbars = bunit.Render<MudSnackbarProvider>();
        bunit.Render<AlertWatcher>();
        return snackbars;
    }

    private static Quote QuoteOf(long price) =>
        new("005930", "삼성전자", price, PriceDirection.Up, 0, 0m, 1_000, 1, null, DateTimeOffset.UtcNow, false);
}
