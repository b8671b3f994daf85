using Dashboard.Kiwoom;
using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;

namespace Dashboard.Web.Tests.Orders;

/// <summary>A circuit whose member has one connection of the given environment and no live session (no quotes) unless the test gives one.</summary>
internal sealed class FakeBrokerSessions(KiwoomEnvironment environment) : IBrokerSessions
{
    public event Action<BrokerStatus>? StatusChanged
    {
        add { }
        remove { }
    }

    public ConnectionSummary? Connection { get; } =
        new(Guid.NewGuid(), environment.ToString(), environment, "••••KEY1", null, BrokerConnectionStatus.Verified, null);

    public IBrokerSession? Session { get; set; }

    public BrokerStatus Status => BrokerStatus.Unavailable(BrokerLinkState.NoConnection, DateTimeOffset.UnixEpoch);

    public Task<IBrokerSession?> OpenAsync() => Task.FromResult(Session);
}
