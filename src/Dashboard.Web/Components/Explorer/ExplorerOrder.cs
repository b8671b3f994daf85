using System.Globalization;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Components.Explorer;

/// <summary>
/// An order TR's form read as an order for the order service. The explorer never sends an order TR itself:
/// the form only says what to place, modify or cancel, and the service checks, audits and sends it once.
/// </summary>
/// <param name="ApiId">The TR whose form this came from (kt10000 …).</param>
/// <param name="OriginalOrderNumber">Modify and cancel: <c>orig_ord_no</c>, the order being changed.</param>
/// <param name="Quantity">Place: shares; modify and cancel: shares to move or cancel, 0 = all still open.</param>
public sealed record ExplorerOrder(
    string ApiId,
    OrderAction Action,
    OrderProduct Product,
    OrderSide Side,
    string StockCode,
    long Quantity,
    long? Price,
    string TradeType,
    long? ConditionPrice,
    string Exchange,
    string? OriginalOrderNumber)
{
    /// <summary>The order service places credit sells as 융자합 (repay all margin loans, crd_deal_tp 99).</summary>
    public const string CreditRepayAll = "99";

    public static bool IsOrderTr(string apiId) => OrderTrs.Find(apiId) is not null;

    /// <summary>
    /// Reads the form's values (field name → text) as an order. Problems are explorer text keys with the field
    /// they concern; the service still validates everything (codes, ticks, limits) and says why in its own words.
    /// </summary>
    public static (ExplorerOrder? Order, IReadOnlyList<ExplorerOrderProblem> Problems) Read(string apiId, IReadOnlyDictionary<string, string> values)
    {
        if (OrderTrs.Find(apiId) is not { } orderTr)
        {
            return (null, [new ExplorerOrderProblem("OrderNotAnOrderTr", apiId)]);
        }

        // A modify or cancel form has no side of its own (the original order's counts); Buy stands in, as the service ignores it.
        var tr = (orderTr.Action, orderTr.Product, Side: orderTr.Side ?? OrderSide.Buy);

        var problems = new List<ExplorerOrderProblem>();
        string Text(string field) => values.TryGetValue(field, out var v) ? v.Trim() : string.Empty;
        long? Number(string field, bool required)
        {
            var text = Text(field).Replace(",", string.Empty, StringComparison.Ordinal);
            if (text.Length == 0)
            {
                if (required)
                {
                    problems.Add(new ExplorerOrderProblem("OrderMissing", field));
                }

                return null;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            problems.Add(new ExplorerOrderProblem("OrderNotANumber", field));
            return null;
        }

        var code = Text("stk_cd").ToUpperInvariant();
        var exchange = tr.Product == OrderProduct.Gold ? "KRX" : Text("dmst_stex_tp").ToUpperInvariant();
        ExplorerOrder? order = null;
        switch (tr.Action)
        {
            case OrderAction.Place:
            {
                var tradeType = Text("trde_tp");
                var type = TradeTypes.Find(tr.Product, tradeType);
                var quantity = Number("ord_qty", required: true);
                var price = Number("ord_uv", required: type?.NeedsPrice == true);
                var conditionPrice = tr.Product == OrderProduct.Gold ? null : Number("cond_uv", required: type?.NeedsConditionPrice == true);
                if (tr.Product == OrderProduct.Credit && tr.Side == OrderSide.Sell && Text("crd_deal_tp") != CreditRepayAll)
                {
                    problems.Add(new ExplorerOrderProblem("OrderCreditRepayAllOnly", "crd_deal_tp"));
                }

                // Trade types without their own price (market, best …) carry none, as the ticket sends them.
                order = new ExplorerOrder(apiId, tr.Action, tr.Product, tr.Side, code, quantity ?? 0,
                    type is { NeedsPrice: false } ? null : price, tradeType, type is { NeedsConditionPrice: true } ? conditionPrice : null, exchange, null);
                break;
            }

            case OrderAction.Modify:
                order = new ExplorerOrder(apiId, tr.Action, tr.Product, tr.Side, code, Number("mdfy_qty", required: true) ?? 0,
                    Number("mdfy_uv", required: true), string.Empty, tr.Product == OrderProduct.Gold ? null : Number("mdfy_cond_uv", required: false),
                    exchange, OriginalNumber(Text("orig_ord_no"), problems));
                break;

            default:
                order = new ExplorerOrder(apiId, tr.Action, tr.Product, tr.Side, code, Number("cncl_qty", required: true) ?? 0,
                    null, string.Empty, null, exchange, OriginalNumber(Text("orig_ord_no"), problems));
                break;
        }

        return problems.Count == 0 ? (order, []) : (null, problems);
    }

    private static string? OriginalNumber(string text, List<ExplorerOrderProblem> problems)
    {
        var number = OrderRequests.NormalizeNumber(text);
        if (number is null || !number.All(char.IsAsciiDigit))
        {
            problems.Add(new ExplorerOrderProblem(text.Length == 0 ? "OrderMissing" : "OrderNotANumber", "orig_ord_no"));
        }

        return number;
    }
}

/// <summary>Why an order form cannot become an order: an ExplorerText key and the field it names.</summary>
public sealed record ExplorerOrderProblem(string Key, string Field);
