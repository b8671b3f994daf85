using Dashboard.Web.Broker;
using Dashboard.Web.Connections;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>A circuit's broker access for component tests: the given session, or none with the given state.</summary>
public sealed class FakeBrokerSessions(FakeBrokerSession? session, BrokerLinkState unavailable = BrokerLinkState.NoConnection) : IBrokerSessions
{
    public event Action<BrokerStatus>? StatusChanged;

    public ConnectionSummary? Connection => null;

    public IBrokerSession? Session { get; private set; }

    public BrokerStatus Status => Session?.Status ?? BrokerStatus.Unavailable(unavailable, DateTimeOffset.UnixEpoch);

    public Task<IBrokerSession?> OpenAsync()
    {
        Session = session;
        StatusChanged?.Invoke(Status);
        return Task.FromResult<IBrokerSession?>(session);
    }
}
