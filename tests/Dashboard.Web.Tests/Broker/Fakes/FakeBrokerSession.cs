using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>A session whose snapshots are set by the test and whose feeds the test publishes to.</summary>
public sealed class FakeBrokerSession : IBrokerSession
{
    public string KeyId { get; init; } = "fake:Simulator";

    public KiwoomEnvironment Environment => KiwoomEnvironment.Simulator;

    public BrokerStatus Status { get; set; } = new(BrokerLinkState.Connected, null, null, null, true, DateTimeOffset.UnixEpoch);

    public event Action<BrokerStatus>? StatusChanged;

    public FakeMarketQueries FakeMarket { get; } = new();

    public FakeMarketFeeds FakeFeeds { get; } = new();

    public IMarketQueries Market => FakeMarket;

    public FakeBrokerQueries FakeQueries { get; } = new();

    public IBrokerQueries Queries => FakeQueries;

    public IMarketFeeds Feeds => FakeFeeds;

    public FakeConditionSearch FakeConditions { get; } = new();

    public IConditionSearch Conditions => FakeConditions;

    public Task<BrokerStatus> ConnectAsync(CancellationToken ct = default)
    {
        StatusChanged?.Invoke(Status);
        return Task.FromResult(Status);
    }
}
