using Dashboard.Kiwoom;
using Dashboard.Web.Broker;
using Dashboard.Web.Connections;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>A member with one open session whose raw queries are <see cref="Queries"/>; or, with no session, none usable.</summary>
internal sealed class FakeBrokerSessions(FakeBrokerQueries queries, KiwoomEnvironment environment = KiwoomEnvironment.Mock, bool hasSession = true) : IBrokerSessions, IBrokerSession
{
    private static readonly BrokerStatus Connected = new(BrokerLinkState.Connected, null, null, null, false, DateTimeOffset.UnixEpoch);

    public event Action<BrokerStatus>? StatusChanged
    {
        add { }
        remove { }
    }

    public int Opened { get; private set; }

    public ConnectionSummary? Connection => null;

    public IBrokerSession? Session => hasSession ? this : null;

    public BrokerStatus Status => hasSession ? Connected : BrokerStatus.Unavailable(BrokerLinkState.NoConnection, DateTimeOffset.UnixEpoch);

    public string KeyId => "key-fingerprint";

    public KiwoomEnvironment Environment => environment;

    public IMarketQueries Market => throw new NotSupportedException("The explorer does not use market snapshots.");

    public IBrokerQueries Queries => queries;

    public IMarketFeeds Feeds => throw new NotSupportedException("The explorer does not use feeds.");

    public Task<IBrokerSession?> OpenAsync()
    {
        Opened++;
        return Task.FromResult(Session);
    }

    public Task<BrokerStatus> ConnectAsync(CancellationToken ct = default) => Task.FromResult(Status);
}
