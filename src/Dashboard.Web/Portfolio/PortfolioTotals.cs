namespace Dashboard.Web.Portfolio;

/// <summary>Account totals, recomputed from the rows on every change (never patched incrementally).</summary>
public sealed record PortfolioTotals(long Purchase, long Evaluation, long Profit, decimal ProfitRate)
{
    public static PortfolioTotals Empty { get; } = new(0, 0, 0, 0m);

    public static PortfolioTotals From(IEnumerable<PortfolioPosition> positions)
    {
        long purchase = 0, evaluation = 0;
        foreach (var position in positions)
        {
            purchase += position.PurchaseAmount;
            evaluation += position.Evaluation;
        }

        return new PortfolioTotals(purchase, evaluation, evaluation - purchase, Rate(evaluation - purchase, purchase));
    }

    /// <summary>Percent with two decimals, rounded half away from zero as Kiwoom prints its rates.</summary>
    internal static decimal Rate(long part, long whole) =>
        whole == 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
