using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

public sealed class BrokerStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);

    [Fact]
    public void ConnectedWithARecentTickIsLive() =>
        Assert.False(Status(BrokerLinkState.Connected, Now.AddSeconds(-2), subscribed: true).IsStale(Now, StaleAfter));

    [Fact]
    public void ConnectedWithAnOldTickIsStale() =>
        Assert.True(Status(BrokerLinkState.Connected, Now.AddSeconds(-6), subscribed: true).IsStale(Now, StaleAfter));

    [Fact]
    public void NothingSubscribedIsNeverStale() =>
        Assert.False(Status(BrokerLinkState.Connected, null, subscribed: false).IsStale(Now, StaleAfter));

    [Fact]
    public void ReconnectingIsShownAsReconnectingNotStale() =>
        Assert.False(Status(BrokerLinkState.Reconnecting, Now.AddMinutes(-1), subscribed: true).IsStale(Now, StaleAfter));

    private static BrokerStatus Status(BrokerLinkState state, DateTimeOffset? lastTick, bool subscribed) =>
        new(state, null, null, lastTick, subscribed, Now.AddMinutes(-5));
}
