using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>
/// The account side of a fill: cash, holdings and their average price, realized P&amp;L, fees and taxes. The
/// same commission and tax the account TRs show for holdings not yet sold.
/// </summary>
internal static class Ledger
{
    /// <summary>Online brokerage commission (0.015%), cut to whole 10 won as Kiwoom does.</summary>
    public const decimal CommissionRate = 0.00015m;

    /// <summary>Securities transaction tax on stock sales (2025 rate, KOSPI and KOSDAQ alike).</summary>
    public const decimal SellTaxRate = 0.0015m;

    public static long Commission(long amount) => (long)(amount * CommissionRate) / 10 * 10;

    public static long Tax(Instrument i, long amount) => i.Kind == InstrumentKind.Stock ? (long)(amount * SellTaxRate) : 0;

    /// <summary>Books a fill of <paramref name="qty"/> at <paramref name="price"/> to the account and the order.</summary>
    public static (Fill Fill, Holding Holding) Book(Account account, SimOrder order, Instrument i, long price, long qty, string executionNumber, DateTimeOffset now)
    {
        var amount = price * qty;
        var fee = Commission(amount);
        var tax = order.Side == OrderSide.Sell ? Tax(i, amount) : 0;
        if (!account.Holdings.TryGetValue(i.Code, out var h))
        {
            h = new Holding(i.Code);
            account.Holdings[i.Code] = h;
        }

        if (order.Side == OrderSide.Buy)
        {
            var cost = h.Quantity * h.AveragePrice + amount;
            h.Quantity += qty;
            h.AveragePrice = h.Quantity == 0 ? 0 : cost / h.Quantity;
            h.TodayBought += qty;
            account.Cash -= amount + fee;
        }
        else
        {
            var pnl = (price - h.AveragePrice) * qty - fee - tax;
            h.Quantity -= qty;
            h.ReservedForSale = Math.Max(0, h.ReservedForSale - qty);
            h.TodaySold += qty;
            h.RealizedPnl += pnl;
            account.RealizedPnl += pnl;
            account.Cash += amount - fee - tax;
            if (h.Quantity == 0)
            {
                h.AveragePrice = 0;
            }
        }

        account.FeesToday += fee;
        account.TaxesToday += tax;
        order.Filled += qty;
        order.FilledAmount += amount;
        order.Status = order.Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        var fill = new Fill(order.Number, executionNumber, i.Code, order.Side, price, qty, fee, tax, now);
        account.Fills.Add(fill);
        return (fill, h);
    }
}
