using System.Collections.Concurrent;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>
/// One member's broker session seen from inside the host, the way the order service and the VI page see it:
/// a lease on the session the member's tabs opened, its lossless 00 (fills) and 1h (VI) feeds, a lossless
/// trade feed of one stock (first tick after a fault), and every link-state change with its time. Used by S3
/// (drops of 00/1h) and S6 (recovery, reconnect spacing). Memory is bounded by the run: a few events a second.
/// </summary>
internal sealed class MemberProbe : IAsyncDisposable
{
    private readonly BrokerLease lease;
    private readonly List<FeedBase> feeds = [];
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> readers = [];
    private readonly ConcurrentQueue<(string OrderNumber, string Status, DateTimeOffset At)> executions = new();
    private readonly ConcurrentQueue<(string Code, ViEventKind Kind, DateTimeOffset At)> vis = new();
    private readonly ConcurrentQueue<DateTimeOffset> trades = new();
    private readonly ConcurrentQueue<(BrokerLinkState State, string? Code, DateTimeOffset At)> states = new();

    private readonly DateTimeOffset opened = DateTimeOffset.UtcNow;

    private MemberProbe(BenchMember member, BrokerLease lease)
    {
        Member = member;
        this.lease = lease;
        lease.Shared.StatusChanged += OnStatus;
    }

    /// <summary>How long the member's link has been up without a break (zero while it is down).</summary>
    public TimeSpan UpFor(DateTimeOffset now)
    {
        var last = states.LastOrDefault();
        if (last == default)
        {
            return lease.Shared.Status.State == BrokerLinkState.Connected ? now - opened : TimeSpan.Zero;
        }

        return last.State == BrokerLinkState.Connected ? now - last.At : TimeSpan.Zero;
    }

    public BenchMember Member { get; }

    public IBrokerSession Session => lease.Shared;

    public IEnumerable<(string OrderNumber, string Status, DateTimeOffset At)> Executions => executions;

    public IEnumerable<(string Code, ViEventKind Kind, DateTimeOffset At)> Vis => vis;

    /// <summary>Every link-state change with Kiwoom's code (e.g. 8005) when there was one.</summary>
    public IEnumerable<(BrokerLinkState State, string? Code, DateTimeOffset At)> States => states;

    public static async Task<MemberProbe> OpenAsync(BenchHost host, BenchMember member, string tradeCode)
    {
        var opened = await host.Registry.OpenAsync(member.UserId, member.ConnectionId);
        if (opened.Lease is not { } lease)
        {
            throw new InvalidOperationException($"{member.Email}: no broker session ({opened.Failure} {opened.Message}).");
        }

        var probe = new MemberProbe(member, lease);
        var feeds = lease.Shared.Feeds;
        probe.Read(await feeds.SubscribeEventsAsync(RealtimeTypes.OrderExecution, string.Empty, OrderExecution.From), e => probe.executions.Enqueue((e.OrderNumber, e.Status, DateTimeOffset.UtcNow)));
        probe.Read(await feeds.SubscribeViAsync(), e => probe.vis.Enqueue((e.Code, e.Kind, DateTimeOffset.UtcNow)));
        // The time the session received the trade, not when this reader got to it: a tick received before a fault
        // and read after it must not count as the first one after it.
        probe.Read(await feeds.SubscribeTradesAsync(tradeCode), q => probe.trades.Enqueue(q.ReceivedAt));
        return probe;
    }

    /// <summary>The first trade of the probed stock received after <paramref name="since"/>, if any yet.</summary>
    public DateTimeOffset? FirstTradeAfter(DateTimeOffset since) => trades.Where(t => t > since).Cast<DateTimeOffset?>().FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        lease.Shared.StatusChanged -= OnStatus;
        await stop.CancelAsync();
        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }

        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        await lease.DisposeAsync();
        stop.Dispose();
    }

    private void OnStatus(BrokerStatus status) => states.Enqueue((status.State, status.Code, DateTimeOffset.UtcNow));

    private void Read<T>(Dashboard.Kiwoom.KiwoomResult<EventFeed<T>> subscribed, Action<T> note)
        where T : class
    {
        if (!subscribed.IsSuccess)
        {
            throw new InvalidOperationException($"{Member.Email}: subscribing failed: {subscribed.Error}");
        }

        var feed = subscribed.Value!;
        feeds.Add(feed);
        readers.Add(Task.Run(async () =>
        {
            await foreach (var e in feed.Events.ReadAllAsync(stop.Token))
            {
                note(e);
            }
        }));
    }
}
