using Dashboard.Kiwoom;
using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;

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

    /// <summary>The connection the session belongs to (orders name it); none without a session.</summary>
    public ConnectionSummary? Connection { get; } = hasSession
        ? new(Guid.NewGuid(), environment.ToString(), environment, "••••KEY1", null, BrokerConnectionStatus.Verified, null)
        : null;

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
