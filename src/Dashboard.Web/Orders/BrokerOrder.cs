namespace Dashboard.Web.Orders;

/// <summary>
/// One order as Kiwoom's own lists show it at the moment they were read: ka10075 (open) or ka10076 (with fills).
/// Quantities are the order's totals so far (cumulative), not one execution's.
/// </summary>
/// <param name="Number">The order number, normalized (see <see cref="OrderRequests.NormalizeNumber"/>).</param>
/// <param name="Unfilled">Shares still open (oso_qty).</param>
/// <param name="Filled">Shares filled so far (cntr_qty).</param>
/// <param name="FilledAmount">Sum of price × quantity of those fills (cntr_tot_amt), when the list gives it.</param>
/// <param name="AveragePrice">Average fill price (cntr_pric), when the list gives it.</param>
public sealed record BrokerOrder(string Number, long? Unfilled, long? Filled, long? FilledAmount, long? AveragePrice)
{
    /// <summary>The part of <see cref="FilledAmount"/> not yet counted in <paramref name="countedAmount"/> for <paramref name="newShares"/> more shares.</summary>
    public long NewAmount(long newShares, long countedAmount)
    {
        var total = FilledAmount ?? (Filled is { } filled && AveragePrice is { } average ? filled * average : null);

        // An average rounded by Kiwoom can put the total a few won under what the pushes already counted: then price the new shares alone.
        return total is { } t && t - countedAmount >= newShares ? t - countedAmount : newShares * (AveragePrice ?? 0);
    }
}
