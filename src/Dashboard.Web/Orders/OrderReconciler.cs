using System.Globalization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Orders;

/// <summary>
/// Resolves intents whose outcome is unknown (timeout, 5xx, a restart mid-send) against Kiwoom's own
/// lists, never by sending again (REL-06): ka10075 (open orders) and ka10076 (fills) of the account are
/// searched for an order of the same stock, side, quantity and price that no other intent has claimed. Found:
/// the intent takes its order number and state. Not found well after sending: it was never placed.
/// A modify or cancel is looked up first in kt00007 (the account's orders in detail), where Kiwoom lists
/// it with the original order's number: that is proof it happened, whatever the open list says.
/// Gold spot intents are settled the same way from the gold lists (kt50075, kt50031: OrderReconciler.Gold.cs).
/// </summary>
public sealed partial class OrderReconciler(
    OrderTracker tracker,
    OrderIntentStore store,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    ILogger<OrderReconciler> logger)
{
    /// <summary>Intents still unresolved (sent, unknown) of every member.</summary>
    public async Task<IReadOnlyList<OrderIntent>> PendingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrderIntents.AsNoTracking()
            .Where(i => i.State == OrderState.UnknownOutcome || i.State == OrderState.Sent)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
    }

    /// <summary>One attempt; true when the intent is resolved.</summary>
    public async Task<bool> ReconcileAsync(OrderIntent intent, CancellationToken ct = default) => await ReconcileAsync([intent], ct) == 1;

    /// <summary>
    /// One attempt at each intent, the member's connection opened once for all of its intents and each of Kiwoom's lists
    /// read (every page) once per connection for the pass, whatever the number of intents judged from it: per intent,
    /// ten unknown outcomes cost ten reads of each list inside the rate limit the member's own page shares. Lists are of
    /// the whole account (every stock, both sides), the intents matched in memory. Returns how many were resolved.
    /// </summary>
    public async Task<int> ReconcileAsync(IReadOnlyList<OrderIntent> intents, CancellationToken ct = default)
    {
        var resolved = 0;
        foreach (var connection in intents.GroupBy(i => (i.MemberId, i.ConnectionId)))
        {
            try
            {
                resolved += await ReconcileConnectionAsync(connection.Key.MemberId, connection.Key.ConnectionId, [.. connection], ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One connection that cannot be opened leaves the others of the pass their turn.
                OrdersLog.TrackingFailed(logger, ex, connection.Key.ConnectionId);
            }
        }

        return resolved;
    }

    private async Task<int> ReconcileConnectionAsync(string memberId, Guid connectionId, IReadOnlyList<OrderIntent> intents, CancellationToken ct)
    {
        var opened = await tracker.GetChannelAsync(memberId, connectionId, ct);
        if (opened.Channel is not { } channel)
        {
            return 0;
        }

        try
        {
            var lists = new PassLists(this, channel);
            var resolved = 0;
            foreach (var intent in intents)
            {
                resolved += await ReconcileOneAsync(lists, intent, ct) ? 1 : 0;
            }

            return resolved;
        }
        finally
        {
            await tracker.ReleaseAsync(connectionId, CancellationToken.None);
        }
    }

    private async Task<bool> ReconcileOneAsync(PassLists lists, OrderIntent intent, CancellationToken ct)
    {
        try
        {
            return intent.Action switch
            {
                // ka10075/ka10076/kt00007 list stock orders only: a gold order missing from them would prove nothing.
                OrderAction.Place when intent.Product == OrderProduct.Gold => await ReconcileGoldOrderAsync(lists, intent, ct),
                OrderAction.Place => await ReconcileOrderAsync(lists, intent, ct),
                _ => await ReconcileAmendAsync(lists, intent, ct),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One intent that cannot be judged leaves the others of the pass their turn.
            OrdersLog.TrackingFailed(logger, ex, intent.ConnectionId);
            return false;
        }
    }

    /// <summary>The lists of one connection read so far in a pass, each once (a failed read too: it is not retried within the pass).</summary>
    private sealed class PassLists(OrderReconciler owner, IOrderChannel channel)
    {
        // Requests are records: equal fields, one read.
        private readonly Dictionary<object, object?> read = [];

        public async Task<IReadOnlyList<TResponse>?> WholeAsync<TResponse>(IKiwoomRequest<TResponse> request, Guid intentId, CancellationToken ct)
            where TResponse : KiwoomResponse
        {
            if (!read.TryGetValue(request, out var pages))
            {
                pages = await owner.WholeListAsync(channel, request, intentId, ct);
                read[request] = pages;
            }

            return (IReadOnlyList<TResponse>?)pages;
        }
    }

    // The account's open orders and fills, every stock and both sides: one read serves every intent of the connection.
    private static readonly Ka10075Request OpenOrders = new() { AllStkTp = "0", TradeType = "0", StockCode = "", ExchangeType = "0" };
    private static readonly Ka10076Request Fills = new() { StockCode = "", QueryType = "0", SellTp = "0", ExchangeType = "0" };
    private static readonly Kt00007Request OrderDetails = new() { QueryType = "1", StkBondTp = "0", SellTp = "0", StockCode = "", FrOrdNo = "", Exchange = "%" };

    /// <summary>At most this many pages of one list; a list that long is not read as complete.</summary>
    internal const int MaxListPages = 20;

    /// <summary>
    /// Every page of one of the broker's order lists, or null (logged) when a page could not be read or the list ran past
    /// <see cref="MaxListPages"/>. The whole list, because "not in the list" rules an order never placed: judged from the
    /// first page alone, an order listed on a later one would be ruled never placed, and its member might place it again.
    /// </summary>
    private async Task<IReadOnlyList<TResponse>?> WholeListAsync<TResponse>(IOrderChannel channel, IKiwoomRequest<TResponse> request, Guid intentId, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        var list = await channel.Queries.ReadWholeListAsync(request, MaxListPages, ct);
        if (list.Unreadable is { } error)
        {
            OrdersLog.ReconcileFailed(logger, intentId, error);
        }
        else if (list.TooLong)
        {
            OrdersLog.ListTooLong(logger, intentId, request.Api.Id, MaxListPages);
        }

        return list.Pages;
    }

    private async Task<bool> ReconcileOrderAsync(PassLists lists, OrderIntent intent, CancellationToken ct)
    {
        var open = await lists.WholeAsync(OpenOrders, intent.Id, ct);
        var fills = open is null ? null : await lists.WholeAsync(Fills, intent.Id, ct);
        if (open is null || fills is null)
        {
            return false;
        }

        var claimed = await ClaimedNumbersAsync(intent, ct);
        var asOpen = open.SelectMany(page => page.Orders).FirstOrDefault(o =>
            o.StockCode.Code == intent.StockCode && SameSide(o.OrderTypeName, intent.Side) && o.OrderQuantity.Value == intent.Quantity && PriceMatches(intent, o.OrderPrice.Value)
            && OrderRequests.NormalizeNumber(o.OrderNumber) is { } n && !claimed.Contains(n));
        if (asOpen is not null)
        {
            var number = OrderRequests.NormalizeNumber(asOpen.OrderNumber)!;
            var unfilled = asOpen.UnfilledQuantity.Value ?? intent.Quantity;
            await ResolveAsync(intent, number, unfilled, intent.Quantity - unfilled, asOpen.CntrTotAmt.Value ?? 0, "found among open orders (ka10075)", ct);
            return true;
        }

        var asFilled = fills.SelectMany(page => page.Fills).FirstOrDefault(f =>
            f.StockCode.Code == intent.StockCode && SameSide(f.OrderTypeName, intent.Side) && f.OrderQuantity.Value == intent.Quantity && PriceMatches(intent, f.OrderPrice.Value)
            && OrderRequests.NormalizeNumber(f.OrderNumber) is { } n && !claimed.Contains(n));
        if (asFilled is not null)
        {
            var number = OrderRequests.NormalizeNumber(asFilled.OrderNumber)!;
            var filled = asFilled.FillQuantity.Value ?? 0;
            var unfilled = asFilled.UnfilledQuantity.Value ?? intent.Quantity - filled;
            await ResolveAsync(intent, number, unfilled, filled, filled * (asFilled.FillPrice.Value ?? 0), "found among fills (ka10076)", ct);
            return true;
        }

        if (time.GetUtcNow() - intent.CreatedAt < options.Value.NotPlacedAfter)
        {
            return false;
        }

        await NeverPlacedAsync(intent, "not found at Kiwoom: the order was never placed", ct);
        return true;
    }

    private async Task NeverPlacedAsync(OrderIntent intent, string message, CancellationToken ct)
    {
        await RejectAsync(intent.Id, message, ct);
        OrdersLog.Reconciled(logger, intent.Id, "never placed");
    }

    /// <summary>An unresolved intent that Kiwoom does not hold (never placed) or refused.</summary>
    private Task<OrderView?> RejectAsync(Guid intentId, string message, CancellationToken ct) =>
        store.ChangeAsync(intentId, i =>
        {
            if (i.State is not (OrderState.UnknownOutcome or OrderState.Sent))
            {
                return null;
            }

            i.State = OrderState.Rejected;
            i.OpenQuantity = 0;
            i.Message = message;
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, i.Message);
        }, ct);

    /// <summary>A modify or cancel: kt00007 first (it names the original order), then the open list for a cancel.</summary>
    private async Task<bool> ReconcileAmendAsync(PassLists lists, OrderIntent intent, CancellationToken ct)
    {
        OrderIntent? target;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            target = await db.OrderIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intent.TargetIntentId, ct);
        }

        if (target?.OrderNumber is not { } original)
        {
            return false;
        }

        if (intent.Product == OrderProduct.Gold)
        {
            return await ReconcileGoldAmendAsync(lists, intent, target, original, ct);
        }

        var details = await lists.WholeAsync(OrderDetails, intent.Id, ct);
        if (details is null)
        {
            return false;
        }

        var claimed = await ClaimedNumbersAsync(intent, ct);
        var word = intent.Action == OrderAction.Cancel ? "취소" : "정정";
        var row = details.SelectMany(page => page.AcntOrdCntrPrpsDtl).FirstOrDefault(r =>
            OrderRequests.NormalizeNumber(r.OriOrd) == original && (r.MdfyCncl ?? r.OrderTypeName ?? "").Contains(word, StringComparison.Ordinal)
            && OrderRequests.NormalizeNumber(r.OrderNumber) is { } n && !claimed.Contains(n));
        if (row is not null)
        {
            await ApplyAmendFoundAsync(intent, new FoundAmend(
                OrderRequests.NormalizeNumber(row.OrderNumber)!, row.OrderQuantity.Value, row.FillQuantity.Value, row.CntrUv.Value, row.OrdRemnq.Value, "kt00007"), ct);
            return true;
        }

        return intent.Action == OrderAction.Cancel
            ? await ReconcileStockCancelAsync(lists, intent, target, ct)
            : await ReconcileModifyNotFoundAsync(intent, target, "kt00007", ct);
    }

    /// <summary>A modify or cancel as an order-details list (kt00007, kt50031) shows it, with the original order's number.</summary>
    private sealed record FoundAmend(string Number, long? Quantity, long? Filled, long? FillPrice, long? Remaining, string List);

    private async Task ApplyAmendFoundAsync(OrderIntent intent, FoundAmend row, CancellationToken ct)
    {
        var number = row.Number;
        var quantity = row.Quantity is > 0 and var q ? q : intent.Quantity;
        // The amend and its original change in one commit and one page update, as for a direct answer.
        var (resolved, _) = await store.ChangeWithTargetAsync(intent.Id, i =>
        {
            if (i.State is not (OrderState.UnknownOutcome or OrderState.Sent))
            {
                return null;
            }

            i.OrderNumber = number;
            i.Quantity = quantity;
            if (i.Action == OrderAction.Cancel)
            {
                i.State = OrderState.Done;
            }
            else
            {
                // The modify is an order of its own now, carrying the moved shares at the new price.
                var filled = row.Filled ?? 0;
                i.FilledQuantity = Math.Max(0, filled);
                i.FilledAmount = Math.Max(0, filled * (row.FillPrice ?? 0));
                i.OpenQuantity = Math.Max(0, row.Remaining ?? quantity - filled);
                i.State = i.OpenQuantity == 0 && filled > 0 ? OrderState.Filled : filled > 0 ? OrderState.PartiallyFilled : OrderState.Accepted;
            }

            i.Message = null;
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, $"found in the account's order details ({row.List}): order {number}, {i.State}");
        }, (t, _, amendedBefore) =>
        {
            var (moved, open) = OrderExecutions.Amend(t, quantity, amendedBefore);
            if (moved == 0)
            {
                return null;
            }

            t.OpenQuantity = open;
            var cancel = intent.Action == OrderAction.Cancel;
            if (t.OpenQuantity == 0)
            {
                t.State = cancel ? OrderState.Cancelled : OrderState.Replaced;
            }

            return OrderIntentStore.Event(
                t, cancel ? OrderAuditKind.Cancelled : OrderAuditKind.Modified, AuditEvent.System,
                string.Create(CultureInfo.InvariantCulture, $"{moved:N0} {(cancel ? "cancelled" : "moved")} by order {number} (reconciled from {row.List}); {t.OpenQuantity:N0} open"),
                moved, cancel ? null : intent.Price);
        }, ct);
        if (resolved is null)
        {
            return;
        }

        OrdersLog.Reconciled(logger, intent.Id, (intent.Action == OrderAction.Cancel ? "cancel found in " : "modify found in ") + row.List);
    }

    /// <summary>No modify in the details: once Kiwoom has had time to list it, the modify did not happen.</summary>
    private async Task<bool> ReconcileModifyNotFoundAsync(OrderIntent intent, OrderIntent target, string list, CancellationToken ct)
    {
        if (time.GetUtcNow() - intent.CreatedAt < options.Value.NotPlacedAfter)
        {
            return false;
        }

        await store.ChangeAsync(intent.Id, i =>
        {
            if (i.State is not (OrderState.UnknownOutcome or OrderState.Sent))
            {
                return null;
            }

            i.State = OrderState.Rejected;
            i.OpenQuantity = 0;
            i.Message = $"no modification of order {target.OrderNumber} at Kiwoom ({list}): it was never applied";
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, i.Message);
        }, ct);
        OrdersLog.Reconciled(logger, intent.Id, "modify never applied");
        return true;
    }

    private async Task<bool> ReconcileStockCancelAsync(PassLists lists, OrderIntent intent, OrderIntent target, CancellationToken ct)
    {
        var open = await lists.WholeAsync(OpenOrders, intent.Id, ct);
        if (open is null)
        {
            return false;
        }

        var stillOpen = target.OrderNumber is { } number && open.SelectMany(page => page.Orders).Any(o => OrderRequests.NormalizeNumber(o.OrderNumber) == number);
        return await ReconcileCancelAsync(intent, stillOpen, ct);
    }

    /// <summary>A cancel not in the order details: the original still open (after the grace) means it did not happen.</summary>
    private async Task<bool> ReconcileCancelAsync(OrderIntent intent, bool stillOpen, CancellationToken ct)
    {
        if (stillOpen && time.GetUtcNow() - intent.CreatedAt < options.Value.NotPlacedAfter)
        {
            return false;
        }

        await store.ChangeWithTargetAsync(intent.Id, i =>
        {
            if (i.State is not (OrderState.UnknownOutcome or OrderState.Sent))
            {
                return null;
            }

            i.State = stillOpen ? OrderState.Rejected : OrderState.Done;
            i.Message = stillOpen ? "the order is still open at Kiwoom: the cancel did not happen" : "the order is no longer open at Kiwoom";
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, i.Message);
        }, (t, _, _) =>
        {
            if (stillOpen || t.OpenQuantity == 0)
            {
                return null;
            }

            t.OpenQuantity = 0;
            t.State = OrderState.Cancelled;
            return OrderIntentStore.Event(t, OrderAuditKind.Cancelled, AuditEvent.System, "no longer open at Kiwoom (reconciled)");
        }, ct);

        OrdersLog.Reconciled(logger, intent.Id, stillOpen ? "cancel not applied" : "cancel applied");
        return true;
    }

    // The lists already include every fill so far: pushes held for the number are let go, not applied on top.
    private Task ResolveAsync(OrderIntent intent, string number, long unfilled, long filled, long filledAmount, string how, CancellationToken ct) =>
        tracker.RecordNumberAsync(
            intent.ConnectionId, intent.Id, number, () => ResolveNumberAsync(intent.Id, number, unfilled, filled, filledAmount, how, ct), heldAlreadyCounted: true);

    private Task<OrderView?> ResolveNumberAsync(Guid intentId, string number, long unfilled, long filled, long filledAmount, string how, CancellationToken ct) =>
        store.ChangeAsync(intentId, i =>
        {
            if (i.State is not (OrderState.UnknownOutcome or OrderState.Sent))
            {
                return null;
            }

            i.OrderNumber = number;
            i.OpenQuantity = Math.Max(0, unfilled);
            i.FilledQuantity = Math.Max(0, filled);
            i.FilledAmount = Math.Max(0, filledAmount);
            // Nothing open and nothing filled: placed, then gone (cancelled or expired) before we knew its number.
            i.State = i.OpenQuantity == 0 ? (i.FilledQuantity > 0 ? OrderState.Filled : OrderState.Cancelled)
                : i.FilledQuantity > 0 ? OrderState.PartiallyFilled : OrderState.Accepted;
            i.Message = null;
            OrdersLog.Reconciled(logger, i.Id, how);
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System, string.Create(CultureInfo.InvariantCulture, $"{how}: order {number}, {i.State}"));
        }, ct);

    private async Task<HashSet<string>> ClaimedNumbersAsync(OrderIntent intent, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var numbers = await db.OrderIntents.AsNoTracking()
            .Where(i => i.ConnectionId == intent.ConnectionId && i.Id != intent.Id && i.OrderNumber != null)
            .Select(i => i.OrderNumber!).ToListAsync(ct);
        return new HashSet<string>(numbers, StringComparer.Ordinal);
    }

    // Unpriced orders (market …) show 0 as their price in the lists.
    private static bool PriceMatches(OrderIntent intent, long? listed) => intent.Price is not { } price || listed == price;
}
