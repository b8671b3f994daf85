using Dashboard.Web.Shell;

namespace Dashboard.Web.Portfolio;

/// <summary>
/// One holding as the portfolio screen shows it. Quantity, average and purchase amount come from kt00018 and
/// then from 04 pushes; the current price from kt00018, then 04 and 0B ticks. Evaluation and P&amp;L are always
/// derived here, so a row and the totals built from the rows can never disagree.
/// </summary>
/// <param name="PurchaseAmount">What the held quantity cost in won (before fees), as the broker reports it.</param>
/// <param name="Direction">Of the current price against the previous close.</param>
/// <param name="PriceAt">When the current price arrived (the snapshot's time for a REST value).</param>
public sealed record PortfolioPosition(
    string Code,
    string Name,
    long Quantity,
    long OrderableQuantity,
    long AveragePrice,
    long PurchaseAmount,
    long CurrentPrice,
    PriceDirection Direction,
    DateTimeOffset PriceAt)
{
    public long Evaluation => Quantity * CurrentPrice;

    /// <summary>Evaluation minus purchase, before the fees and taxes a sale would cost.</summary>
    public long Profit => Evaluation - PurchaseAmount;

    /// <summary>Profit as a percentage of the purchase amount, two decimals; 0 when nothing was paid.</summary>
    public decimal ProfitRate => PortfolioTotals.Rate(Profit, PurchaseAmount);
}
