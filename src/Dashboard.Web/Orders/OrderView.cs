using Dashboard.Kiwoom;
using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>One order as its owner's pages show it.</summary>
public sealed record OrderView(
    Guid IntentId,
    OrderAction Action,
    Guid? TargetIntentId,
    KiwoomEnvironment Environment,
    OrderProduct Product,
    string StockCode,
    OrderSide Side,
    long Quantity,
    long? Price,
    string TradeType,
    long? ConditionPrice,
    OrderState State,
    string? OrderNumber,
    long FilledQuantity,
    long FilledAmount,
    long OpenQuantity,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsOpen => State is OrderState.Accepted or OrderState.PartiallyFilled && OpenQuantity > 0;

    public long? AverageFillPrice => FilledQuantity > 0 ? FilledAmount / FilledQuantity : null;

    public static OrderView From(OrderIntent i) => new(
        i.Id, i.Action, i.TargetIntentId, i.Environment, i.Product, i.StockCode, i.Side, i.Quantity, i.Price, i.TradeType,
        i.ConditionPrice, i.State, i.OrderNumber, i.FilledQuantity, i.FilledAmount, i.OpenQuantity, i.Message, i.CreatedAt, i.UpdatedAt);
}
