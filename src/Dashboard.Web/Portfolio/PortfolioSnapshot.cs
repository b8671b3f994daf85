namespace Dashboard.Web.Portfolio;

/// <summary>
/// The portfolio at one moment, immutable, so the page can render it from any thread while the tracker
/// builds the next one.
/// </summary>
/// <param name="Cash">Null when kt00001 could not be read.</param>
/// <param name="RealizedToday">Today's realized P&amp;L (ka10074, then 04); null when it could not be read.</param>
/// <param name="LoadedAt">When kt00018 was last read.</param>
public sealed record PortfolioSnapshot(
    IReadOnlyList<PortfolioPosition> Positions,
    PortfolioTotals Totals,
    PortfolioCash? Cash,
    long? RealizedToday,
    DateTimeOffset LoadedAt)
{
    /// <summary>The position's share of the total evaluation in percent, two decimals.</summary>
    public decimal WeightOf(PortfolioPosition position) => PortfolioTotals.Rate(position.Evaluation, Totals.Evaluation);

    /// <summary>When the newest figure shown arrived: the last read or the last price.</summary>
    public DateTimeOffset UpdatedAt => Positions.Count == 0 ? LoadedAt : Positions.Max(p => p.PriceAt) is var newest && newest > LoadedAt ? newest : LoadedAt;
}
