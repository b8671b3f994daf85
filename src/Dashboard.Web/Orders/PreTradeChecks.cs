using System.Globalization;

namespace Dashboard.Web.Orders;

/// <summary>
/// The admin's limits, applied before the broker is called (SEC-20): halts, environments, value,
/// quantity, the price collar around the last trade and the per-minute throttle. Pure.
/// </summary>
public static class PreTradeChecks
{
    public static OrderRejection? Check(PreTradeOrder order, TradingLimits limits, string? teamHaltReason, bool teamHalted, int ordersInLastMinute)
    {
        if (order.ReducesRisk)
        {
            return null;
        }

        if (teamHalted)
        {
            return OrderRejection.Of("TeamHalted", null, teamHaltReason ?? "-");
        }

        if (limits.Halted)
        {
            return OrderRejection.Of("MemberHalted", null, limits.HaltReason ?? "-");
        }

        if (!limits.Allows(order.Environment))
        {
            return OrderRejection.Of("EnvironmentNotAllowed", null, order.Environment);
        }

        if (order.Quantity > limits.MaxQuantity)
        {
            return OrderRejection.Of("QuantityOverLimit", "Quantity", order.Quantity, limits.MaxQuantity);
        }

        // Unpriced orders (market, best …) are valued at the last trade: the best estimate before the fill.
        var unitPrice = order.Price ?? order.LastPrice;
        var value = unitPrice > 0 && order.Quantity > long.MaxValue / unitPrice ? long.MaxValue : unitPrice * order.Quantity;
        if (value > limits.MaxOrderValue)
        {
            return OrderRejection.Of("OrderValueTooLarge", "Quantity", value, limits.MaxOrderValue);
        }

        if (order.Price is { } price && order.LastPrice > 0
            && Math.Abs(price - order.LastPrice) * 100m > limits.PriceCollarPercent * (decimal)order.LastPrice)
        {
            return OrderRejection.Of("OutsideCollar", "Price", price, order.LastPrice, limits.PriceCollarPercent.ToString(CultureInfo.InvariantCulture));
        }

        if (ordersInLastMinute >= limits.MaxOrdersPerMinute)
        {
            return OrderRejection.Of("TooManyOrders", null, limits.MaxOrdersPerMinute);
        }

        return null;
    }
}
