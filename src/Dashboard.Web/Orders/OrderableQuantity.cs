using System.Globalization;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Broker;
using Dashboard.Web.Portfolio;

namespace Dashboard.Web.Orders;

/// <summary>
/// How many shares of one stock the member can order, read from the account the way Kiwoom's own ticket does:
/// buys from kt00010's cash-only (100 % margin, so no unpaid balance 미수) orderable quantity at the price the
/// order would reserve, sells from the tradable quantity (매매가능수량) of the holding: the live portfolio's when one
/// is open on the session (kt00018 + 04 pushes), else kt00018's.
/// </summary>
public static class OrderableQuantity
{
    /// <summary>Enough pages of kt00018 for any team account; a holding beyond them reads as unknown, never as zero.</summary>
    private const int MaxHoldingPages = 20;

    /// <summary>The percentages the ticket offers as one-tap quantities.</summary>
    public static IReadOnlyList<int> Fractions { get; } = [10, 25, 50, 100];

    /// <summary>
    /// The price a buy reserves cash at: its own limit price, or for orders without one (market, best …) the
    /// day's upper limit, which is what the exchange may fill a market buy at.
    /// </summary>
    public static long ReservedPrice(TradeType type, long? price, PriceReference reference) =>
        type.NeedsPrice && price is > 0
            ? price.Value
            : KrxTickSize.UpperLimit(reference.Table, reference.PreviousClose);

    /// <summary>Shares the orderable cash buys at <paramref name="price"/> (fees included), or null when the account cannot be read.</summary>
    public static async Task<long?> BuyableAsync(IBrokerQueries queries, string code, long price, CancellationToken ct)
    {
        var answer = await queries.QueryAsync(new Kt00010Request
        {
            StockCode = code,
            TradeType = "2",
            Uv = price.ToString(CultureInfo.InvariantCulture),
        }, ct);
        return answer.IsSuccess ? Math.Max(0, answer.Value.Profa100ordAlowq.Value ?? 0) : null;
    }

    /// <summary>
    /// Shares of the holding that can be sold now, from the session's live portfolio when one follows its balance
    /// pushes (no broker call), else from kt00018 (<see cref="SellableAsync(IBrokerQueries, string, CancellationToken)"/>).
    /// </summary>
    public static Task<long?> SellableAsync(IBrokerSession? session, IBrokerQueries queries, string code, CancellationToken ct) =>
        session is not null && PortfolioTracker.LiveTradableQuantity(session, code) is { } live
            ? Task.FromResult<long?>(live)
            : SellableAsync(queries, code, ct);

    /// <summary>Shares of the holding that can be sold now (0 when none is held), or null when the account cannot be read.</summary>
    public static async Task<long?> SellableAsync(IBrokerQueries queries, string code, CancellationToken ct)
    {
        var pages = 0;
        await foreach (var page in queries.QueryPagesAsync(new Kt00018Request { QueryType = "1", Exchange = "KRX" }, MaxHoldingPages, ct))
        {
            if (!page.IsSuccess)
            {
                return null;
            }

            pages++;
            foreach (var row in page.Value.Holdings)
            {
                // kt00018 writes codes with the market prefix ("A005930"); the parsed code has it removed.
                if (row.StockCode.Code == code)
                {
                    return Math.Max(0, row.TradableQuantity.Value ?? row.RemainingQuantity.Value ?? 0);
                }
            }
        }

        return pages < MaxHoldingPages ? 0 : null;
    }

    /// <summary><paramref name="percent"/> % of <paramref name="max"/>, rounded down to whole shares.</summary>
    public static long Fraction(long max, int percent) => max * percent / 100;
}
