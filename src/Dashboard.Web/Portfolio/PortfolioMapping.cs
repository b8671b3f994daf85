using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Direction = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Portfolio;

/// <summary>Turns the account TRs and the 04/0B pushes into portfolio rows.</summary>
public static class PortfolioMapping
{
    /// <summary>The holdings of one kt00018 page; rows without a code or with nothing held are skipped.</summary>
    public static IEnumerable<PortfolioPosition> ToPositions(Kt00018Response response, DateTimeOffset receivedAt)
    {
        foreach (var row in response.Holdings)
        {
            if (row.StockCode.Code is not { } code || row.RemainingQuantity.Value is not ( > 0 and var quantity))
            {
                continue;
            }

            // Kiwoom pads prices and may put a direction sign in front; the sign is not arithmetic.
            var price = Math.Abs(row.CurrentPrice.Value ?? 0);
            var previousClose = Math.Abs(row.PredClosePric.Value ?? 0);
            var average = Math.Abs(row.PurchasePrice.Value ?? 0);
            yield return new PortfolioPosition(
                code,
                string.IsNullOrWhiteSpace(row.StockName) ? code : row.StockName.Trim(),
                quantity,
                row.TradableQuantity.Value ?? quantity,
                average,
                row.PurchaseAmount.Value ?? quantity * average,
                price,
                DirectionOf(price, previousClose),
                receivedAt);
        }
    }

    /// <summary>The totals kt00018 itself reports (the reference the recomputed totals are checked against).</summary>
    public static PortfolioTotals ReportedTotals(Kt00018Response response) => new(
        response.TotalPurchaseAmount.Value ?? 0,
        response.TotalEvaluationAmount.Value ?? 0,
        response.TotalEvaluationProfit.Value ?? 0,
        response.TotalReturnRate.Value ?? 0m);

    /// <summary>Deposit (entr) and orderable cash (ord_alow_amt) of kt00001.</summary>
    public static PortfolioCash ToCash(Kt00001Response response) =>
        new(response.Deposit.Value ?? 0, response.OrderableAmount.Value ?? 0);

    /// <summary>The realized P&amp;L of a ka10074 answer asked for one day.</summary>
    public static long ToRealized(Ka10074Response response) => response.RlztPl.Value ?? 0;

    /// <summary>
    /// Applies a 04 push: quantity, orderable quantity, average and purchase amount are absolute values, so
    /// replaying a push the snapshot already contains changes nothing. Returns null when the holding is gone.
    /// </summary>
    public static PortfolioPosition? Apply(PortfolioPosition? known, BalanceUpdate update)
    {
        var quantity = update.Quantity ?? known?.Quantity ?? 0;
        if (quantity <= 0)
        {
            return null;
        }

        var average = update.AveragePrice ?? known?.AveragePrice ?? 0;

        // Pushes and ticks are read by separate loops: a 04 handled after a newer tick must not turn the price back.
        var pushedPrice = update.CurrentPrice is { } pushed && (known is null || update.ReceivedAt >= known.PriceAt) ? pushed : (Dashboard.Kiwoom.Wire.SignedPrice?)null;
        return new PortfolioPosition(
            update.Code,
            !string.IsNullOrWhiteSpace(update.Name) ? update.Name.Trim() : known?.Name ?? update.Code,
            quantity,
            update.OrderableQuantity ?? Math.Min(quantity, known?.OrderableQuantity ?? quantity),
            average,
            update.TotalPurchaseAmount is > 0 and var amount ? amount : quantity * average,
            pushedPrice is { Value: { } won } ? won : known?.CurrentPrice ?? average,
            pushedPrice is { } signed ? signed.Direction : known?.Direction ?? Direction.Flat,
            pushedPrice is null && known is not null ? known.PriceAt : update.ReceivedAt);
    }

    /// <summary>Moves a row's price with a tick; an older value never replaces a newer one.</summary>
    public static PortfolioPosition Apply(PortfolioPosition known, Quote quote) =>
        quote.ReceivedAt < known.PriceAt || quote.Price <= 0
            ? known
            : known with { CurrentPrice = quote.Price, Direction = quote.Direction, PriceAt = quote.ReceivedAt };

    private static Direction DirectionOf(long price, long previousClose) =>
        previousClose <= 0 || price == previousClose ? Direction.Flat : price > previousClose ? Direction.Up : Direction.Down;
}
