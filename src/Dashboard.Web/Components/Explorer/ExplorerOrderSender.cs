using System.Security.Claims;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Components.Explorer;

/// <summary>
/// Hands an order read from the explorer's form to the order service, the one way orders leave the dashboard.
/// Modify and cancel TRs name Kiwoom's order number; the service works on the intents it recorded, so the
/// number is looked up among the member's own orders of the last day (Kiwoom's orders are day orders).
/// </summary>
public sealed class ExplorerOrderSender(IOrderService orders, TimeProvider time)
{
    private const int RecentOrders = 500;

    /// <summary>The service's answer, or the explorer text key of why nothing was sent.</summary>
    public async Task<(OrderResult? Result, ExplorerOrderProblem? Problem)> SendAsync(
        ClaimsPrincipal member, Guid intentId, Guid connectionId, ExplorerOrder order, CancellationToken ct)
    {
        if (order.Action == OrderAction.Place)
        {
            var ticket = new OrderTicket(intentId, connectionId, order.StockCode, order.Side, order.Quantity, order.Price, order.TradeType,
                order.ConditionPrice, order.Product, order.Exchange.Length == 0 ? "KRX" : order.Exchange);
            return (await orders.PlaceOrderAsync(member, ticket, ct), null);
        }

        var target = await FindOriginalAsync(member, order, ct);
        if (target is null)
        {
            return (null, new ExplorerOrderProblem("OrderNotPlacedHere", "orig_ord_no"));
        }

        if (target.Product != order.Product)
        {
            return (null, new ExplorerOrderProblem("OrderOtherProduct", "orig_ord_no"));
        }

        if (!string.Equals(target.StockCode, order.StockCode, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ExplorerOrderProblem("OrderOtherStock", "stk_cd"));
        }

        var result = order.Action == OrderAction.Modify
            ? await orders.ModifyOrderAsync(member, new ModifyTicket(intentId, target.IntentId, order.Quantity, order.Price ?? 0, order.ConditionPrice), ct)
            : await orders.CancelOrderAsync(member, new CancelTicket(intentId, target.IntentId, order.Quantity), ct);
        return (result, null);
    }

    /// <summary>
    /// The member's own order a modify or cancel form names by <c>orig_ord_no</c>, or null when none of the last day
    /// has that number. The confirmation takes the side from it: the form itself has none.
    /// </summary>
    public async Task<OrderView?> FindOriginalAsync(ClaimsPrincipal member, ExplorerOrder order, CancellationToken ct)
    {
        if (order.Action == OrderAction.Place || order.OriginalOrderNumber is null)
        {
            return null;
        }

        var recent = await orders.ListOrdersAsync(member, time.GetUtcNow().AddDays(-1), RecentOrders, ct);
        var matches = recent.Where(o => OrderRequests.NormalizeNumber(o.OrderNumber) == order.OriginalOrderNumber).ToList();
        // A number is reused only across days or products; the open one is the one a modify or cancel can mean.
        return matches.FirstOrDefault(o => o.IsOpen) ?? matches.FirstOrDefault();
    }
}
