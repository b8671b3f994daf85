using Dashboard.Kiwoom;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Data;

/// <summary>
/// One order action a member asked for, keyed by the intent id the ticket created when it opened: the key
/// makes a double click, a resubmit or a second tab one order (SEC-19). Its state follows the audit.
/// </summary>
public class OrderIntent
{
    public Guid Id { get; set; }

    public required string MemberId { get; set; }

    public Guid ConnectionId { get; set; }

    public KiwoomEnvironment Environment { get; set; }

    public OrderAction Action { get; set; }

    /// <summary>For a modify or cancel: the intent of the order it changes.</summary>
    public Guid? TargetIntentId { get; set; }

    public OrderProduct Product { get; set; }

    public required string StockCode { get; set; }

    public OrderSide Side { get; set; }

    public long Quantity { get; set; }

    public long? Price { get; set; }

    public required string TradeType { get; set; }

    public long? ConditionPrice { get; set; }

    public required string Exchange { get; set; }

    public OrderState State { get; set; }

    /// <summary>Kiwoom's order number once known (from the answer, a 00 event or reconciliation).</summary>
    public string? OrderNumber { get; set; }

    public long FilledQuantity { get; set; }

    /// <summary>Sum of fill price × quantity, for the average price.</summary>
    public long FilledAmount { get; set; }

    /// <summary>Shares still open at the exchange.</summary>
    public long OpenQuantity { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
