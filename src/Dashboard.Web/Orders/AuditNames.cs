using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Orders;

/// <summary>
/// Audit values by name, as the viewer and its CSV show them (Korean, or English by UI culture): the row kind,
/// the side, and the trade type of its <c>trde_tp</c> code (보통, 시장가 … as the catalog names them).
/// </summary>
public static class AuditNames
{
    public static string Kind(IStringLocalizer<OrdersText> text, OrderAuditKind kind) => text["AuditKind_" + kind];

    public static string Side(IStringLocalizer<OrdersText> text, OrderSide? side) => side switch
    {
        OrderSide.Buy => text["Buy"],
        OrderSide.Sell => text["Sell"],
        _ => string.Empty,
    };

    /// <summary>The name of a stock/credit code, else of a gold code (00, 10, 20); a code neither knows shows as itself.</summary>
    public static string TradeType(IStringLocalizer<OrdersText> text, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        var type = TradeTypes.Find(OrderProduct.Stock, code) ?? TradeTypes.Find(OrderProduct.Gold, code);
        return type is null ? code : text[type.ResourceKey];
    }
}
