namespace Dashboard.Web.Orders;

/// <summary>What the confirmation step shows: value, estimated fee and (for sells) tax, and the total, in whole won.</summary>
public sealed record OrderEstimate(long Value, long Fee, long Tax, long Total)
{
    public static OrderEstimate For(OrderSide side, long quantity, long unitPrice, OrdersOptions options)
    {
        var value = quantity > 0 && unitPrice > 0 ? quantity * unitPrice : 0;

        // Brokers truncate fees and tax to whole won.
        var fee = (long)Math.Floor(value * options.FeeRate);
        var tax = side == OrderSide.Sell ? (long)Math.Floor(value * options.SellTaxRate) : 0;
        return new OrderEstimate(value, fee, tax, side == OrderSide.Buy ? value + fee : value - fee - tax);
    }
}
