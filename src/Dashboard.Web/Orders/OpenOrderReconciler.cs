using System.Globalization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Orders;

/// <summary>
/// Brings the orders a member holds open (Accepted, PartiallyFilled) up to date with Kiwoom's own lists when
/// tracking of their connection starts and after every realtime reconnect: fills made while the dashboard was
/// down or its socket away never arrive as 00 pushes. ka10075 (open orders) and ka10076 (orders with fills) are
/// read once for the whole account; each order is compared with what its intent already counts and only the
/// difference is applied, audited and published. A late 00 push for a fill counted here is then recognised by
/// its unfilled quantity and not counted again (<see cref="OrderExecutions.Apply"/>). An order gone from the open
/// list ends as the lists say: all filled → Filled; otherwise cancelled, rejected or modified elsewhere (kt00007).
/// Gold spot orders (kt50000-kt50003) are in other lists, read the same way: kt50075 (금현물 미체결) for the open ones,
/// kt50031 (금현물 주문체결조회) for fills and for how an order ended.
/// </summary>
public sealed class OpenOrderReconciler(OrderIntentStore store, IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider time, ILogger<OpenOrderReconciler> logger)
{
    // Bounds one pass on an account with a very long day of orders; what is left waits for the next pass.
    internal const int MaxPages = 20;

    /// <summary>One pass over the connection's open orders; returns how many intents changed.</summary>
    public async Task<int> ReconcileAsync(Guid connectionId, string memberId, IOrderChannel channel, CancellationToken ct = default)
    {
        // Intents first, lists second: every order read as open here was already at Kiwoom when the lists were read.
        var (intents, amended) = await OpenIntentsAsync(connectionId, memberId, ct);
        if (intents.Count == 0)
        {
            return 0;
        }

        var followed = intents.Where(i => !amended.Contains(i.Id)).ToList();
        var stocks = followed.Where(i => i.Product != OrderProduct.Gold).ToList();
        var gold = followed.Where(i => i.Product == OrderProduct.Gold).ToList();
        var changed = (stocks.Count == 0 ? 0 : await ReconcileAsync(stocks, new StockLists(this, channel.Queries), ct))
            + (gold.Count == 0 ? 0 : await ReconcileAsync(gold, new GoldLists(this, channel.Queries, KoreaTime.Today(time)), ct));
        OrdersLog.OpenOrdersReconciled(logger, connectionId, intents.Count, changed);
        return changed;
    }

    /// <summary>The intents of one product family against that family's lists; how many changed.</summary>
    private async Task<int> ReconcileAsync(List<OrderIntent> intents, IOrderLists lists, CancellationToken ct)
    {
        var open = await lists.OpenAsync(ct);
        var filled = open is null ? null : await lists.FilledAsync(ct);
        if (open is null || filled is null)
        {
            return 0;
        }

        var changed = 0;
        var details = new Dictionary<string, IReadOnlyList<OrderDetail>?>(StringComparer.Ordinal);
        foreach (var intent in intents)
        {
            var number = intent.OrderNumber!;
            if (open.TryGetValue(number, out var stillOpen))
            {
                changed += await store.ChangeAsync(intent.Id, i => ApplyOpen(i, stillOpen), ct) is null ? 0 : 1;
                continue;
            }

            if (filled.TryGetValue(number, out var fills) && await store.ChangeAsync(intent.Id, i => ApplyClosedFills(i, fills), ct) is { } view)
            {
                changed++;
                if (!view.IsOpen)
                {
                    continue;
                }
            }

            // Gone from the open list with shares we still count as open: its end is in the account's order details.
            if (!details.TryGetValue(intent.StockCode, out var rows))
            {
                rows = details[intent.StockCode] = await lists.DetailsAsync(intent.StockCode, ct);
            }

            if (rows is not null)
            {
                changed += await store.ChangeAsync(intent.Id, i => ApplyClosed(i, rows), ct) is null ? 0 : 1;
            }
        }

        return changed;
    }

    /// <summary>Still open at Kiwoom: the shares filled since the intent last counted (none when the pushes are ahead of the list).</summary>
    internal static AuditEvent? ApplyOpen(OrderIntent i, BrokerOrder b)
    {
        if (i.State is not (OrderState.Accepted or OrderState.PartiallyFilled) || b.Unfilled is not { } left || left >= i.OpenQuantity)
        {
            return null;
        }

        var filledNow = b.Filled ?? i.FilledQuantity + i.OpenQuantity - left;
        var newShares = Math.Min(filledNow - i.FilledQuantity, i.OpenQuantity - left);
        if (newShares <= 0)
        {
            // Fewer open shares and no new fill: part of it was cancelled from another app.
            var before = i.OpenQuantity;
            i.OpenQuantity = left;
            return OrderIntentStore.Event(i, OrderAuditKind.Reconciled, AuditEvent.System,
                string.Create(CultureInfo.InvariantCulture, $"open at Kiwoom (ka10075) with {left:N0} of {before:N0} shares and no new fill: the rest was cancelled elsewhere"));
        }

        return Fill(i, newShares, b.NewAmount(newShares, i.FilledAmount), left, "ka10075");
    }

    /// <summary>No longer open at Kiwoom, with fills (ka10076): the shares filled since the intent last counted.</summary>
    internal static AuditEvent? ApplyClosedFills(OrderIntent i, BrokerOrder b)
    {
        if (i.State is not (OrderState.Accepted or OrderState.PartiallyFilled) || b.Filled is not { } filledNow)
        {
            return null;
        }

        var newShares = Math.Min(filledNow - i.FilledQuantity, i.OpenQuantity);
        return newShares <= 0 ? null : Fill(i, newShares, b.NewAmount(newShares, i.FilledAmount), i.OpenQuantity - newShares, "ka10076");
    }

    /// <summary>No longer open and not (all) filled: cancelled, rejected or modified outside the dashboard, as kt00007 (kt50031) says.</summary>
    internal static AuditEvent? ApplyClosed(OrderIntent i, IReadOnlyList<OrderDetail> rows)
    {
        if (i.State is not (OrderState.Accepted or OrderState.PartiallyFilled) || i.OpenQuantity <= 0)
        {
            return null;
        }

        var number = i.OrderNumber;
        var own = rows.FirstOrDefault(r => r.Number == number);
        var amend = rows.FirstOrDefault(r => r.Original == number && r.Amend.Contains("정정", StringComparison.Ordinal));
        var closed = i.OpenQuantity;
        i.OpenQuantity = 0;
        if ((own?.Acceptance ?? "").Contains("거부", StringComparison.Ordinal))
        {
            i.State = OrderState.Rejected;
            i.Message = "rejected by the exchange (kt00007)";
            return OrderIntentStore.Event(i, OrderAuditKind.Rejected, AuditEvent.System, i.Message);
        }

        if (amend is not null)
        {
            i.State = OrderState.Replaced;
            return OrderIntentStore.Event(i, OrderAuditKind.Modified, AuditEvent.System,
                string.Create(CultureInfo.InvariantCulture, $"{closed:N0} moved by order {amend.Number} placed outside the dashboard (kt00007)"), closed);
        }

        i.State = OrderState.Cancelled;
        return OrderIntentStore.Event(i, OrderAuditKind.Cancelled, AuditEvent.System,
            string.Create(CultureInfo.InvariantCulture, $"{closed:N0} no longer open at Kiwoom and not filled (ka10075, ka10076): cancelled or expired"), closed);
    }

    private static AuditEvent Fill(OrderIntent i, long shares, long amount, long left, string list)
    {
        i.FilledQuantity += shares;
        i.FilledAmount += amount;
        i.OpenQuantity = left;
        i.State = left == 0 ? OrderState.Filled : OrderState.PartiallyFilled;
        var price = amount / shares;
        return OrderIntentStore.Event(
            i, i.State == OrderState.Filled ? OrderAuditKind.Fill : OrderAuditKind.PartialFill, AuditEvent.System,
            string.Create(CultureInfo.InvariantCulture, $"filled {shares:N0} at {price:N0} while no push arrived (reconciled from {list}); {left:N0} open"),
            shares, price);
    }

    private async Task<(List<OrderIntent> Open, HashSet<Guid> Amended)> OpenIntentsAsync(Guid connectionId, string memberId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.OrderIntents.AsNoTracking()
            .Where(i => i.ConnectionId == connectionId && i.MemberId == memberId && i.OrderNumber != null
                && (i.State == OrderState.Accepted || i.State == OrderState.PartiallyFilled))
            .ToListAsync(ct);

        // An order with a modify or cancel still unresolved is left to that amend's own reconciliation.
        var amended = await db.OrderIntents.AsNoTracking()
            .Where(i => i.ConnectionId == connectionId && i.TargetIntentId != null && (i.State == OrderState.Sent || i.State == OrderState.UnknownOutcome))
            .Select(i => i.TargetIntentId!.Value).ToListAsync(ct);
        return (open, [.. amended]);
    }

    /// <summary>Every page of a list TR by order number; null (logged) when Kiwoom could not be read.</summary>
    private async Task<Dictionary<string, BrokerOrder>?> ListAsync<TResponse>(
        IBrokerQueries queries, IKiwoomRequest<TResponse> request, Func<TResponse, IEnumerable<BrokerOrder>> rows, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        if (await PagesAsync(queries, request, ct) is not { } pages)
        {
            return null;
        }

        var orders = new Dictionary<string, BrokerOrder>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var row in rows(page).Where(r => r.Number.Length > 0))
            {
                // Should a list give one row per execution, the row with the most filled is the order's total so far.
                if (!orders.TryGetValue(row.Number, out var seen) || (row.Filled ?? 0) > (seen.Filled ?? 0))
                {
                    orders[row.Number] = row;
                }
            }
        }

        return orders;
    }

    /// <summary>Every page of an order-details TR (kt00007, kt50031) as <see cref="OrderDetail"/> rows; null (logged) when unreadable.</summary>
    private async Task<IReadOnlyList<OrderDetail>?> DetailsAsync<TResponse>(
        IBrokerQueries queries, IKiwoomRequest<TResponse> request, Func<TResponse, IEnumerable<OrderDetail>> rows, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        return await PagesAsync(queries, request, ct) is { } pages ? [.. pages.SelectMany(rows)] : null;
    }

    /// <summary>
    /// Every page of a list TR; null (logged) when a page could not be read or the list ran to <see cref="MaxPages"/>: an
    /// order on a page past the cut would read as gone from the open list, and its end would be looked for where it is not.
    /// </summary>
    private async Task<IReadOnlyList<TResponse>?> PagesAsync<TResponse>(IBrokerQueries queries, IKiwoomRequest<TResponse> request, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        var list = await queries.ReadWholeListAsync(request, MaxPages, ct);
        if (list.Unreadable is { } error)
        {
            OrdersLog.OpenOrdersUnreadable(logger, request.Api.Id, error);
        }
        else if (list.TooLong)
        {
            OrdersLog.OpenOrdersListTooLong(logger, request.Api.Id, MaxPages);
        }

        return list.Pages;
    }

    /// <summary>One product family's three lists: open orders, orders with fills, and one stock's order details.</summary>
    private interface IOrderLists
    {
        Task<Dictionary<string, BrokerOrder>?> OpenAsync(CancellationToken ct);

        Task<Dictionary<string, BrokerOrder>?> FilledAsync(CancellationToken ct);

        Task<IReadOnlyList<OrderDetail>?> DetailsAsync(string code, CancellationToken ct);
    }

    /// <summary>Stocks and credit: ka10075, ka10076, kt00007.</summary>
    private sealed class StockLists(OpenOrderReconciler r, IBrokerQueries queries) : IOrderLists
    {
        public Task<Dictionary<string, BrokerOrder>?> OpenAsync(CancellationToken ct) =>
            r.ListAsync(queries, new Ka10075Request { AllStkTp = "0", TradeType = "0", ExchangeType = "0" },
                page => page.Orders.Select(o => new BrokerOrder(
                    OrderRequests.NormalizeNumber(o.OrderNumber) ?? "", o.UnfilledQuantity.Value, o.FillQuantity.Value, o.CntrTotAmt.Value, o.FillPrice.Value)), ct);

        public Task<Dictionary<string, BrokerOrder>?> FilledAsync(CancellationToken ct) =>
            r.ListAsync(queries, new Ka10076Request { QueryType = "0", SellTp = "0", ExchangeType = "0" },
                page => page.Fills.Select(f => new BrokerOrder(
                    OrderRequests.NormalizeNumber(f.OrderNumber) ?? "", f.UnfilledQuantity.Value, f.FillQuantity.Value, null, f.FillPrice.Value)), ct);

        public Task<IReadOnlyList<OrderDetail>?> DetailsAsync(string code, CancellationToken ct) =>
            r.DetailsAsync(queries, new Kt00007Request { QueryType = "1", StkBondTp = "0", SellTp = "0", StockCode = code, FrOrdNo = "", Exchange = "%" },
                page => page.AcntOrdCntrPrpsDtl.Select(d => OrderDetail.Of(d.OrderNumber, d.OriOrd, d.MdfyCncl ?? d.OrderTypeName, d.AcptTp)), ct);
    }

    /// <summary>
    /// Gold spot: kt50075 (open, with filled and remaining quantities) and kt50031 (every gold order of the day with its
    /// fills, remainder, acceptance and modify/cancel kind), for today's orders (KST; Kiwoom's orders are day orders).
    /// </summary>
    private sealed class GoldLists(OpenOrderReconciler r, IBrokerQueries queries, DateOnly today) : IOrderLists
    {
        private readonly string day = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        public Task<Dictionary<string, BrokerOrder>?> OpenAsync(CancellationToken ct) =>
            r.ListAsync(queries, new Kt50075Request { OrdDt = day, QueryType = "1", MrktDealTp = "5", StkBondTp = "0", SellTp = "0", StockCode = "", FrOrdNo = "", Exchange = "KRX" },
                page => page.AcntOrdOsoPrst.Select(o => new BrokerOrder(
                    OrderRequests.NormalizeNumber(o.OrderNumber) ?? "", o.OrdRemnq.Value, o.FillQuantity.Value, null, o.CntrUv.Value)), ct);

        public Task<Dictionary<string, BrokerOrder>?> FilledAsync(CancellationToken ct) =>
            r.ListAsync(queries, Details(code: "", fillsOnly: true),
                page => page.AcntOrdCntrPrpsDtl.Where(d => d.FillQuantity.Value > 0).Select(d => new BrokerOrder(
                    OrderRequests.NormalizeNumber(d.OrderNumber) ?? "", d.OrdRemnq.Value, d.FillQuantity.Value, null, d.CntrUv.Value)), ct);

        public Task<IReadOnlyList<OrderDetail>?> DetailsAsync(string code, CancellationToken ct) =>
            r.DetailsAsync(queries, Details(code, fillsOnly: false),
                page => page.AcntOrdCntrPrpsDtl.Select(d => OrderDetail.Of(d.OrderNumber, d.OriOrd, d.MdfyCncl ?? d.OrderTypeName, d.AcptTp)), ct);

        // qry_tp 4: fills only; 1: every order in order-number order.
        private Kt50031Request Details(string code, bool fillsOnly) =>
            new() { OrdDt = day, QueryType = fillsOnly ? "4" : "1", StkBondTp = "0", SellTp = "0", StockCode = code, FrOrdNo = "", Exchange = "%" };
    }
}

/// <summary>
/// One row of an account's order details (kt00007, kt50031): the order, the order it amends, its modify/cancel
/// kind (매수정정, 매도취소 …) and how Kiwoom took it (접수, 확인, 거부). Numbers normalized.
/// </summary>
internal sealed record OrderDetail(string? Number, string? Original, string Amend, string Acceptance)
{
    public static OrderDetail Of(string? number, string? original, string? amend, string? acceptance) =>
        new(OrderRequests.NormalizeNumber(number), OrderRequests.NormalizeNumber(original), amend ?? "", acceptance ?? "");
}
