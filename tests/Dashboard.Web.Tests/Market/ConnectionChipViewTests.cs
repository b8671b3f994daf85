using System.Globalization;
using Bunit;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;

namespace Dashboard.Web.Tests.Market;

public sealed class ConnectionChipViewTests : IAsyncLifetime
{
    private readonly BunitContext bunit = MarketTestContext.Create();

    private static readonly DateTimeOffset Now = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ConnectedWithFreshTicksShowsConnected()
    {
        var chip = RenderChip(Status(BrokerLinkState.Connected, lastTick: Now.AddSeconds(-1)));

        Assert.Equal("connected", State(chip));
        Assert.Contains("Connected", chip.Find(".connection-chip").TextContent);
        Assert.Empty(chip.FindAll(".connection-chip-reconnect"));
    }

    [Fact]
    public void ConnectedWithOldTicksShowsStaleWithTheAge()
    {
        var chip = RenderChip(Status(BrokerLinkState.Connected, lastTick: Now.AddSeconds(-12)));

        Assert.Equal("stale", State(chip));
        Assert.Contains("Stale 12s", chip.Find(".connection-chip").TextContent);
    }

    [Fact]
    public void ReconnectingShowsReconnecting()
    {
        var chip = RenderChip(Status(BrokerLinkState.Reconnecting, lastTick: Now.AddSeconds(-30), message: "The connection closed."));

        Assert.Equal("reconnecting", State(chip));
        Assert.Contains("Reconnecting", chip.Find(".connection-chip").TextContent);
    }

    [Fact]
    public void ReplacedShowsReplacedAndOffersReconnect()
    {
        var reconnects = 0;
        var chip = RenderChip(
            Status(BrokerLinkState.Replaced, lastTick: Now.AddSeconds(-3), message: "동일한 App key로 접속이 되었습니다", code: "R10001"),
            () => reconnects++);

        Assert.Equal("replaced", State(chip));
        Assert.Contains("Replaced by another login", chip.Find(".connection-chip").TextContent);
        chip.Find(".connection-chip-reconnect").Click();
        Assert.Equal(1, reconnects);
    }

    [Fact]
    public void FailedShowsKiwoomsMessage()
    {
        var chip = RenderChip(Status(BrokerLinkState.Failed, lastTick: null, message: "유효하지 않은 앱키입니다", code: "8001"), () => { });

        Assert.Equal("failed", State(chip));
        Assert.Contains("Failed: 유효하지 않은 앱키입니다", chip.Find(".connection-chip").TextContent);
        Assert.Single(chip.FindAll(".connection-chip-reconnect"));
    }

    [Fact]
    public void WithoutAConnectionSaysSo()
    {
        var chip = RenderChip(BrokerStatus.Unavailable(BrokerLinkState.NoConnection, Now));

        Assert.Equal("none", State(chip));
        Assert.Contains("No broker connection", chip.Find(".connection-chip").TextContent);
    }

    [Fact]
    public void KoreanIsTheDefaultLanguage()
    {
        var chip = RenderChip(Status(BrokerLinkState.Replaced, lastTick: null), culture: "ko");

        Assert.Contains("다른 로그인으로 대체됨", chip.Find(".connection-chip").TextContent);
    }

    private IRenderedComponent<ConnectionChipView> RenderChip(BrokerStatus status, Action? onReconnect = null, string culture = "en")
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return bunit.Render<ConnectionChipView>(p =>
        {
            p.Add(c => c.Status, status);
            p.Add(c => c.Now, Now);
            p.Add(c => c.StaleAfter, TimeSpan.FromSeconds(5));
            if (onReconnect is not null)
            {
                p.Add(c => c.OnReconnect, onReconnect);
            }
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    private static string? State(IRenderedComponent<ConnectionChipView> chip) => chip.Find(".connection-chip").GetAttribute("data-state");

    private static BrokerStatus Status(BrokerLinkState state, DateTimeOffset? lastTick, string? message = null, string? code = null) =>
        new(state, message, code, lastTick, Subscribed: true, Now.AddMinutes(-1));
}
