using System.Collections.Concurrent;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Orders;

/// <summary>
/// Holds a member's order channel open while they have open orders or unresolved outcomes (so their
/// session, and its 00 feed, lives on with no page open), and records every 00 push for their orders in
/// order: fills, partial fills, cancels, late rejections. Pushes sent while nothing listened (the dashboard
/// down, the socket away) are lost, so the open orders are read back from Kiwoom (<see cref="OpenOrderReconciler"/>)
/// when tracking of a connection starts and every time its realtime connection comes back.
/// </summary>
public sealed class OrderTracker(
    IOrderGateway gateway,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    OrderIntentStore store,
    IPriceReferenceSource prices,
    OpenOrderReconciler openOrders,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    ILogger<OrderTracker> logger) : IAsyncDisposable
{
    private static readonly OrderState[] Unsettled = [OrderState.Sent, OrderState.Accepted, OrderState.PartiallyFilled, OrderState.UnknownOutcome];

    // Bounds shutdown (REL-10: the process exits within 30 s) should an apply hang on the database.
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, Tracked> tracked = new();
    private long settleChecks;

    // Cancelled first at shutdown: the push loops stop reading before anything they write through is disposed.
    private readonly CancellationTokenSource stopping = new();
    private int disposed;
    private readonly ConcurrentDictionary<Guid, EarlyExecutions> early = new();

    // One gate per connection (not one for all): opening, counting users and closing a connection's channel
    // are serialized for that connection only, so one member's slow open or settle check never queues another's orders.
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> gates = new();

    /// <summary>
    /// The open channel of the member's connection, opened and tracked if needed; or why there is none.
    /// Every successful call is paired with <see cref="ReleaseAsync"/>.
    /// </summary>
    public async Task<OrderChannelResult> GetChannelAsync(string memberId, Guid connectionId, CancellationToken ct = default)
    {
        var opening = Gate(connectionId);
        await opening.WaitAsync(ct);
        try
        {
            var result = await GetOrOpenAsync(memberId, connectionId, ct);
            if (result.Channel is not null)
            {
                tracked[connectionId].Users++;
            }

            return result;
        }
        finally
        {
            opening.Release();
        }
    }

    /// <summary>
    /// Ends a <see cref="GetChannelAsync"/> use; lets the session go when no call is using it and nothing of
    /// the member's on this connection is open or unresolved.
    /// </summary>
    public async Task ReleaseAsync(Guid connectionId, CancellationToken ct = default)
    {
        var opening = Gate(connectionId);
        await opening.WaitAsync(ct);
        try
        {
            if (!tracked.TryGetValue(connectionId, out var entry) || --entry.Users > 0)
            {
                return;
            }

            if (!entry.Ended && entry.OpenSeenAt is { } seen && time.GetUtcNow() - seen < options.Value.ReleaseCheckSpacing)
            {
                // Orders were open a moment ago; the next release after the spacing, or the sweep, checks again.
                return;
            }

            if (await IsDoneAsync(connectionId, entry, ct))
            {
                await StopAsync(connectionId);
            }
        }
        finally
        {
            opening.Release();
        }
    }

    private async Task<OrderChannelResult> GetOrOpenAsync(string memberId, Guid connectionId, CancellationToken ct)
    {

        {
            if (tracked.TryGetValue(connectionId, out var existing))
            {
                if (existing.MemberId != memberId)
                {
                    // Connection ids are per member; another member's id is simply not theirs (SEC-13).
                    return new OrderChannelResult(null, BrokerLinkState.NoConnection);
                }

                if (!existing.Ended)
                {
                    return new OrderChannelResult(existing.Channel, BrokerLinkState.Connected);
                }

                if (existing.Users > 0)
                {
                    // Someone is mid-call on it; they keep it, and its feed is re-opened after they release it.
                    return new OrderChannelResult(existing.Channel, BrokerLinkState.Connected);
                }

                await StopAsync(connectionId);
            }

            var opened = await gateway.OpenAsync(memberId, connectionId, ct);
            if (opened.Channel is not { } channel)
            {
                OrdersLog.ChannelUnavailable(logger, connectionId, opened.Message ?? opened.Failure.ToString());
                return opened;
            }

            var feed = await channel.SubscribeOrderEventsAsync(ct);
            var entry = new Tracked(memberId, channel, feed.IsSuccess ? feed.Value : null, new PriceReferenceCache(channel, prices, time, options.Value.QuoteMaxAge));
            tracked[connectionId] = entry;
            entry.Loop = feed.IsSuccess ? Task.Run(() => ReadAsync(connectionId, entry), CancellationToken.None) : Task.CompletedTask;
            if (!feed.IsSuccess)
            {
                OrdersLog.EventsEnded(logger, connectionId, feed.Error.ToString());
            }

            // Subscribed first, read back second: a fill between the two arrives as a push, one before it is in the lists.
            entry.OnStatus = status => OnStatusChanged(connectionId, entry, status);
            channel.StatusChanged += entry.OnStatus;
            ReadBackOpenOrders(connectionId, entry);

            return new OrderChannelResult(channel, BrokerLinkState.Connected);
        }
    }

    public bool IsTracking(Guid connectionId) => tracked.ContainsKey(connectionId);

    /// <summary>Settle checks read from the database so far (releases and sweeps; tests count them).</summary>
    internal long SettleChecks => Interlocked.Read(ref settleChecks);

    /// <summary>
    /// The prices an order on <paramref name="channel"/> is checked against, kept per connection for as long as
    /// its channel is tracked (see <see cref="PriceReferenceCache"/>); read directly on any other channel.
    /// </summary>
    public Task<PriceReference?> PriceReferenceAsync(Guid connectionId, IOrderChannel channel, OrderProduct product, string code, CancellationToken ct = default) =>
        tracked.TryGetValue(connectionId, out var entry) && ReferenceEquals(entry.Channel, channel)
            ? entry.Prices.GetAsync(product, code, ct)
            : prices.GetAsync(channel.Queries, product, code, ct);

    /// <summary>
    /// Closes tracked channels that no call uses and whose orders are all settled (filled by a 00 push, say) since
    /// <see cref="OrdersOptions.SettledGrace"/> at least.
    /// </summary>
    public async Task SweepAsync(CancellationToken ct = default)
    {
        foreach (var id in tracked.Keys)
        {
            var opening = Gate(id);
            await opening.WaitAsync(ct);
            try
            {
                if (tracked.TryGetValue(id, out var entry) && entry.Users == 0 && await IsDoneAsync(id, entry, ct))
                {
                    await StopAsync(id);
                }
            }
            finally
            {
                opening.Release();
            }
        }
    }

    /// <summary>
    /// Stops reading 00 pushes, at host shutdown and before the container disposes anything the loops write
    /// through (the database context factory resolves from it). The push being applied finishes, its audit
    /// row committed; the rest are left unread, never applied half-way. Safe to call more than once.
    /// </summary>
    public async Task StopTrackingAsync()
    {
        await stopping.CancelAsync();
        try
        {
            // Bounded by our own wait, well inside the host's shutdown timeout (whose token can be cancelled already).
            await Task.WhenAll(tracked.Values.SelectMany(e => new[] { e.Loop, e.ReadingBack })).WaitAsync(StopWait);
        }
        catch (TimeoutException)
        {
            OrdersLog.TrackingStopSlow(logger, (int)StopWait.TotalSeconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await StopTrackingAsync();
        foreach (var id in tracked.Keys)
        {
            await StopAsync(id);
        }

        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }

    }

    /// <summary>
    /// Whether the connection's tracking can end (called under its gate, with no call using it): its feed ended, or
    /// nothing of it is open or unresolved and has not been for <see cref="OrdersOptions.SettledGrace"/>. The grace keeps
    /// the feed read for the pushes still on their way when the last order settled (a fill that beat its cancel).
    /// </summary>
    private async Task<bool> IsDoneAsync(Guid connectionId, Tracked entry, CancellationToken ct)
    {
        if (entry.Ended)
        {
            return true;
        }

        Interlocked.Increment(ref settleChecks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        if (await db.OrderIntents.AnyAsync(i => i.ConnectionId == connectionId && Unsettled.Contains(i.State), ct))
        {
            entry.SettledAt = null;
            entry.OpenSeenAt = now;
            return false;
        }

        entry.OpenSeenAt = null;
        entry.SettledAt ??= now;
        return now - entry.SettledAt >= options.Value.SettledGrace;
    }

    private SemaphoreSlim Gate(Guid connectionId) => gates.GetOrAdd(connectionId, _ => new SemaphoreSlim(1, 1));

    private async Task StopAsync(Guid connectionId)
    {
        if (tracked.TryRemove(connectionId, out var entry))
        {
            if (entry.OnStatus is { } onStatus)
            {
                entry.Channel.StatusChanged -= onStatus;
            }

            if (entry.Feed is not null)
            {
                await entry.Feed.DisposeAsync();
            }

            await entry.Prices.DisposeAsync();
            await entry.Channel.DisposeAsync();
        }
    }

    /// <summary>
    /// Reads the connection's open orders back from Kiwoom in the background, one pass after another, holding a use
    /// of the channel meanwhile. Called under the connection's gate.
    /// </summary>
    private void ReadBackOpenOrders(Guid connectionId, Tracked entry)
    {
        entry.Users++;
        var previous = entry.ReadingBack;
        entry.ReadingBack = Task.Run(async () =>
        {
            try
            {
                await previous;
                await openOrders.ReconcileAsync(connectionId, entry.MemberId, entry.Channel, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down: the next start reads them back.
            }
            catch (Exception ex)
            {
                OrdersLog.OpenOrdersFailed(logger, ex, connectionId);
            }
            finally
            {
                await ReleaseQuietlyAsync(connectionId);
            }
        }, CancellationToken.None);
    }

    /// <summary>A realtime connection that was away and is back again: the pushes of the gap are lost, read the open orders back.</summary>
    private void OnStatusChanged(Guid connectionId, Tracked entry, BrokerStatus status)
    {
        if (status.State is BrokerLinkState.Reconnecting or BrokerLinkState.Failed or BrokerLinkState.Replaced)
        {
            entry.RealtimeAway = true;
        }
        else if (status.State == BrokerLinkState.Connected && entry.RealtimeAway)
        {
            entry.RealtimeAway = false;
            _ = ReadBackAfterReconnectAsync(connectionId, entry);
        }
    }

    private async Task ReadBackAfterReconnectAsync(Guid connectionId, Tracked entry)
    {
        try
        {
            var opening = Gate(connectionId);
            await opening.WaitAsync(stopping.Token);
            try
            {
                if (tracked.TryGetValue(connectionId, out var current) && ReferenceEquals(current, entry))
                {
                    OrdersLog.RealtimeBack(logger, connectionId);
                    ReadBackOpenOrders(connectionId, entry);
                }
            }
            finally
            {
                opening.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && stopping.IsCancellationRequested)
        {
            // Shutting down: the next start reads them back.
        }
    }

    private async Task ReleaseQuietlyAsync(Guid connectionId)
    {
        try
        {
            await ReleaseAsync(connectionId);
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
            // The tracker was disposed meanwhile; it stopped the channel itself.
        }
    }

    /// <summary>The latest read-back of the connection's open orders (tests wait on it).</summary>
    internal Task OpenOrdersReadBack(Guid connectionId) =>
        tracked.TryGetValue(connectionId, out var entry) ? entry.ReadingBack : Task.CompletedTask;

    private async Task ReadAsync(Guid connectionId, Tracked entry)
    {
        try
        {
            await foreach (var e in entry.Feed!.Events.ReadAllAsync(stopping.Token))
            {
                // ReadAllAsync looks at the token only when the queue is empty; a backlog would be applied to its end.
                stopping.Token.ThrowIfCancellationRequested();
                await ApplyAsync(connectionId, entry.MemberId, e);
            }

            OrdersLog.EventsEnded(logger, connectionId, "the feed closed");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            OrdersLog.TrackingStopped(logger, connectionId, entry.Feed!.Events.CanCount ? entry.Feed.Events.Count : -1);
        }
        catch (Exception ex) when (ex is FeedOverrunException or OperationCanceledException)
        {
            // The periodic reconciliation re-opens tracking and re-reads the order lists.
            OrdersLog.EventsEnded(logger, connectionId, ex.Message);
        }
        catch (Exception ex)
        {
            OrdersLog.TrackingFailed(logger, ex, connectionId);
        }
        finally
        {
            entry.Ended = true;
        }
    }

    /// <summary>
    /// Applies a 00 push to the intent carrying its order number. A push can overtake the REST answer that
    /// tells us the number (a market order fills at once): it is then held, per connection and in arrival
    /// order, until <see cref="NumberKnownAsync"/> names its intent.
    /// </summary>
    internal async Task ApplyAsync(Guid connectionId, string memberId, OrderExecution e)
    {
        if (!OrderExecutions.CanChange(e) || OrderExecutions.TargetNumber(e) is not { } number)
        {
            return;
        }

        var held = early.GetOrAdd(connectionId, _ => new EarlyExecutions());
        var gate = held.Gate(number);
        await gate.WaitAsync();
        try
        {
            // Looking up and holding are one step under the number's gate, so a number recorded meanwhile is never missed.
            if (await IntentWithNumberAsync(connectionId, memberId, number) is { } id)
            {
                await store.ChangeAsync(id, (intent, db, token) => ApplyOnceAsync(intent, db, e, token));
            }
            else if (held.Hold(number, e) is { } dropped)
            {
                OrdersLog.EarlyExecutionDropped(logger, connectionId, dropped);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Records an intent's order number (<paramref name="recordNumber"/>, the accepted REST answer) and then
    /// applies, in order, the pushes for that number that arrived before it. Both happen under the
    /// number's gate, so a push arriving meanwhile waits and lands after the held ones, never before.
    /// </summary>
    /// <returns>The intent after the number and every held push.</returns>
    /// <param name="heldAlreadyCounted">
    /// True when the state being recorded was read from Kiwoom's own lists (reconciliation): they already
    /// include the held pushes, so those are let go instead of counting a fill twice.
    /// </param>
    internal async Task<OrderView?> RecordNumberAsync(
        Guid connectionId, Guid intentId, string? number, Func<Task<OrderView?>> recordNumber, bool heldAlreadyCounted = false)
    {
        if (number is null)
        {
            // No number, nothing a push could be held for (a cancel's own answer): no gate to wait on.
            return await recordNumber();
        }

        var held = early.GetOrAdd(connectionId, _ => new EarlyExecutions());
        var gate = held.Gate(number);
        await gate.WaitAsync();
        try
        {
            if (heldAlreadyCounted)
            {
                held.Take(number);
            }

            var latest = await recordNumber();
            if (!heldAlreadyCounted)
            {
                foreach (var e in held.Take(number))
                {
                    latest = await store.ChangeAsync(intentId, (intent, db, token) => ApplyOnceAsync(intent, db, e, token)) ?? latest;
                }
            }

            return latest;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A push applied unless it is a cancel whose effect the REST answer (or reconciliation) already recorded.</summary>
    private static async Task<AuditEvent?> ApplyOnceAsync(OrderIntent intent, ApplicationDbContext db, OrderExecution e, CancellationToken ct)
    {
        if (OrderExecutions.CancelNumber(e) is not { } cancel)
        {
            return OrderExecutions.Apply(intent, e);
        }

        return await OrderIntentStore.AmendAppliedAsync(db, intent.Id, cancel, ct)
            ? null
            : OrderExecutions.Apply(intent, e, await OrderIntentStore.AmendedAsync(db, intent.Id, ct));
    }

    internal int HeldCount(Guid connectionId) => early.TryGetValue(connectionId, out var held) ? held.Count : 0;

    private async Task<Guid?> IntentWithNumberAsync(Guid connectionId, string memberId, string number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.OrderIntents
            .Where(i => i.ConnectionId == connectionId && i.MemberId == memberId && i.OrderNumber == number && i.Action != OrderAction.Cancel)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync();
    }

    /// <summary>
    /// Pushes for order numbers no intent carries yet, oldest first. Bounded: orders placed from another app
    /// on the same account are never claimed, so the oldest are let go past <see cref="Capacity"/>.
    /// </summary>
    private sealed class EarlyExecutions
    {
        public const int Capacity = 512;

        // Gates are per order number, striped: the accepted answers of one member's orders record their numbers
        // side by side (and join one audit commit), while the push and the answer of the SAME number still
        // wait for each other. A stripe shared by two numbers only makes them wait, never reorders one number.
        private const int Stripes = 32;

        private readonly LinkedList<(string Number, OrderExecution Event)> events = new();
        private readonly SemaphoreSlim[] gates = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

        public SemaphoreSlim Gate(string number) => gates[(int)((uint)StringComparer.Ordinal.GetHashCode(number) % Stripes)];

        public int Count
        {
            get
            {
                lock (events)
                {
                    return events.Count;
                }
            }
        }

        /// <summary>Holds the push; returns the order number of one let go to stay in bounds, if any.</summary>
        public string? Hold(string number, OrderExecution e)
        {
            lock (events)
            {
                events.AddLast((number, e));
                if (events.Count <= Capacity)
                {
                    return null;
                }

                var dropped = events.First!.Value.Number;
                events.RemoveFirst();
                return dropped;
            }
        }

        public List<OrderExecution> Take(string number)
        {
            lock (events)
            {
                var taken = new List<OrderExecution>();
                for (var node = events.First; node is not null;)
                {
                    var next = node.Next;
                    if (node.Value.Number == number)
                    {
                        taken.Add(node.Value.Event);
                        events.Remove(node);
                    }

                    node = next;
                }

                return taken;
            }
        }
    }

    private sealed class Tracked(string memberId, IOrderChannel channel, EventFeed<OrderExecution>? feed, PriceReferenceCache prices)
    {
        public string MemberId { get; } = memberId;

        public IOrderChannel Channel { get; } = channel;

        public EventFeed<OrderExecution>? Feed { get; } = feed;

        public PriceReferenceCache Prices { get; } = prices;

        public Task Loop { get; set; } = Task.CompletedTask;

        /// <summary>The latest read-back of open orders (changed only under the connection's gate).</summary>
        public Task ReadingBack { get; set; } = Task.CompletedTask;

        public Action<BrokerStatus>? OnStatus { get; set; }

        /// <summary>The realtime connection went away since tracking began (set from state changes).</summary>
        public volatile bool RealtimeAway;

        /// <summary>When the connection was first seen with everything settled since (changed only under its gate).</summary>
        public DateTimeOffset? SettledAt { get; set; }

        /// <summary>When the last settle check found orders open or unresolved (changed only under its gate).</summary>
        public DateTimeOffset? OpenSeenAt { get; set; }

        /// <summary>Calls in progress on the channel (changed only under the connection's gate).</summary>
        public int Users { get; set; }

        public volatile bool Ended;
    }
}
