using Dashboard.Web.Broker;
using Dashboard.Web.Connections;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>The circuit's view of the broker: one fake session, or none (no usable connection).</summary>
internal sealed class FakeBrokerSessions(FakeBrokerSession? session) : IBrokerSessions
{
    public event Action<BrokerStatus>? StatusChanged;

    public ConnectionSummary? Connection => null;

    public IBrokerSession? Session { get; private set; }

    public BrokerStatus Status => session?.Status ?? BrokerStatus.Unavailable(BrokerLinkState.NoConnection, DateTimeOffset.UnixEpoch);

    public Task<IBrokerSession?> OpenAsync()
    {
        Session = session;
        StatusChanged?.Invoke(Status);
        return Task.FromResult<IBrokerSession?>(session);
    }
}
