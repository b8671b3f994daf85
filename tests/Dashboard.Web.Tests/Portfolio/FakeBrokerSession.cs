using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>A session over the fake queries, market snapshots and feeds.</summary>
internal sealed class FakeBrokerSession : IBrokerSession
{
    public string KeyId => "fake-key";

    public KiwoomEnvironment Environment => KiwoomEnvironment.Mock;

    public BrokerStatus Status { get; set; } = new(BrokerLinkState.Connected, null, null, null, false, DateTimeOffset.UnixEpoch);

    public event Action<BrokerStatus>? StatusChanged;

    public FakeMarketQueries FakeMarket { get; } = new();

    public IMarketQueries Market => FakeMarket;

    public FakeBrokerQueries FakeQueries { get; } = new();

    public FakeMarketFeeds FakeFeeds { get; } = new();

    public IBrokerQueries Queries => FakeQueries;

    public IMarketFeeds Feeds => FakeFeeds;

    public Task<BrokerStatus> ConnectAsync(CancellationToken ct = default)
    {
        StatusChanged?.Invoke(Status);
        return Task.FromResult(Status);
    }
}
