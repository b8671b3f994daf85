using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Orders;

/// <summary>An <see cref="IOrderGateway"/> whose connections belong to the members the test says; it records every order TR.</summary>
internal sealed class FakeOrderGateway : IOrderGateway
{
    public readonly ConcurrentDictionary<Guid, (string Owner, KiwoomEnvironment Environment)> Connections = new();
    public readonly ConcurrentQueue<IKiwoomRequest> Sent = new();
    public long LastOrderNumber = 100;
    public int Opened;
    public int Disposed;

    public TaskCompletionSource Gate { get; set; } = Open();

    public KiwoomError? NextError { get; set; }

    public FakeBrokerQueries Queries { get; } = new();

    public Broker.Fakes.FakeMarketFeeds Feeds { get; } = new();

    /// <summary>The 00 feed every channel answers with, when the test pushes order events itself.</summary>
    public Dashboard.Web.Broker.EventFeed<Dashboard.Kiwoom.Realtime.OrderExecution>? OrderEvents { get; set; }

    /// <summary>The session state every open channel reports; see <see cref="RaiseStatus"/>.</summary>
    public event Action<BrokerStatus>? StatusChanged;

    /// <summary>The realtime connection changes state (Reconnecting, then Connected is a reconnect).</summary>
    public void RaiseStatus(BrokerLinkState state) =>
        StatusChanged?.Invoke(new BrokerStatus(state, null, null, null, false, DateTimeOffset.UtcNow));

    public Guid Connect(string owner, KiwoomEnvironment environment = KiwoomEnvironment.Simulator)
    {
        var id = Guid.NewGuid();
        Connections[id] = (owner, environment);
        return id;
    }

    /// <summary>Opens of these connections wait until the source completes (a slow broker login, say).</summary>
    public ConcurrentDictionary<Guid, TaskCompletionSource> SlowOpens { get; } = new();

    public async Task<OrderChannelResult> OpenAsync(string ownerId, Guid connectionId, CancellationToken ct = default)
    {
        Interlocked.Increment(ref Opened);
        if (SlowOpens.TryGetValue(connectionId, out var slow))
        {
            await slow.Task.WaitAsync(ct);
        }

        return Connections.TryGetValue(connectionId, out var c) && c.Owner == ownerId
            ? new OrderChannelResult(new FakeOrderChannel(this, c.Environment), BrokerLinkState.Connected)
            : new OrderChannelResult(null, BrokerLinkState.NoConnection, "no such connection");
    }

    public void Record(IKiwoomRequest request) => Sent.Enqueue(request);

    public static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
