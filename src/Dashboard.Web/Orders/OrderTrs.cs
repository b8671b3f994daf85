namespace Dashboard.Web.Orders;

/// <summary>One order TR and what it does.</summary>
/// <param name="Side">Place: the side the TR trades. Modify and cancel TRs serve either side: null (the original order's).</param>
public sealed record OrderTr(string ApiId, OrderAction Action, OrderProduct Product, OrderSide? Side);

/// <summary>
/// The twelve order TRs (stock kt10000-kt10003, credit kt10006-kt10009, gold kt50000-kt50003): the one table both
/// the TR builder (<see cref="OrderRequests"/>) and the API explorer's order forms read.
/// </summary>
public static class OrderTrs
{
    public static IReadOnlyList<OrderTr> All { get; } =
    [
        new("kt10000", OrderAction.Place, OrderProduct.Stock, OrderSide.Buy),
        new("kt10001", OrderAction.Place, OrderProduct.Stock, OrderSide.Sell),
        new("kt10002", OrderAction.Modify, OrderProduct.Stock, null),
        new("kt10003", OrderAction.Cancel, OrderProduct.Stock, null),
        new("kt10006", OrderAction.Place, OrderProduct.Credit, OrderSide.Buy),
        new("kt10007", OrderAction.Place, OrderProduct.Credit, OrderSide.Sell),
        new("kt10008", OrderAction.Modify, OrderProduct.Credit, null),
        new("kt10009", OrderAction.Cancel, OrderProduct.Credit, null),
        new("kt50000", OrderAction.Place, OrderProduct.Gold, OrderSide.Buy),
        new("kt50001", OrderAction.Place, OrderProduct.Gold, OrderSide.Sell),
        new("kt50002", OrderAction.Modify, OrderProduct.Gold, null),
        new("kt50003", OrderAction.Cancel, OrderProduct.Gold, null),
    ];

    private static readonly Dictionary<string, OrderTr> ById = All.ToDictionary(t => t.ApiId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The order TR of <paramref name="apiId"/>; null when it is not one.</summary>
    public static OrderTr? Find(string apiId) => ById.GetValueOrDefault(apiId);

    /// <summary>The TR that carries <paramref name="action"/> on <paramref name="product"/> (the side matters to placing only).</summary>
    public static OrderTr For(OrderAction action, OrderProduct product, OrderSide side) =>
        All.Single(t => t.Action == action && t.Product == product && (t.Side is null || t.Side == side));
}
