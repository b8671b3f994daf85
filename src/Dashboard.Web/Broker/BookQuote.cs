using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>The order book of one stock as the trading screen shows it, from a 0D push or the ka10004 snapshot.</summary>
/// <param name="Asks">Ten sell levels, best (lowest) first.</param>
/// <param name="Bids">Ten buy levels, best (highest) first.</param>
/// <param name="ExpectedPrice">The single-price auction's expected price (open, close, VI), when there is one.</param>
public sealed record BookQuote(
    string Code,
    IReadOnlyList<BookLevel> Asks,
    IReadOnlyList<BookLevel> Bids,
    long? TotalAskQuantity,
    long? TotalBidQuantity,
    long? ExpectedPrice,
    long? ExpectedQuantity,
    DateTimeOffset ReceivedAt,
    bool FromSnapshot) : ILiveValue
{
    public string Key => Code;

    /// <summary>The largest quantity on either side, for scaling the depth bars.</summary>
    public long MaxQuantity => Asks.Concat(Bids).Select(l => l.Quantity).DefaultIfEmpty(0).Max();

    public static BookQuote? From(RealtimeEvent e) =>
        OrderBook.From(e) is { } book
            ? new BookQuote(
                book.Item,
                [.. book.Asks.Select(BookLevel.From)],
                [.. book.Bids.Select(BookLevel.From)],
                book.TotalAskQuantity,
                book.TotalBidQuantity,
                book.ExpectedPrice is > 0 ? book.ExpectedPrice : null,
                book.ExpectedPrice is > 0 ? book.ExpectedQuantity : null,
                book.ReceivedAt,
                FromSnapshot: false)
            : null;
}
