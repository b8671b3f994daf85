namespace Dashboard.Web.Orders;

/// <summary>
/// A new order as the ticket sends it. Nothing in it is trusted: the service validates every field.
/// </summary>
/// <param name="IntentId">Created when the ticket opens; the same id twice is one order (SEC-19).</param>
/// <param name="ConnectionId">The member's broker connection to order through.</param>
/// <param name="Price">Won; null for trade types that carry no price (market, best, first, mid …).</param>
/// <param name="ConditionPrice">Stop-limit trigger price in won; null otherwise.</param>
/// <param name="Exchange">dmst_stex_tp: KRX, NXT or SOR.</param>
public sealed record OrderTicket(
    Guid IntentId,
    Guid ConnectionId,
    string StockCode,
    OrderSide Side,
    long Quantity,
    long? Price,
    string TradeType,
    long? ConditionPrice = null,
    OrderProduct Product = OrderProduct.Stock,
    string Exchange = "KRX");
