using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>One price level of a book side; an empty level has price 0.</summary>
public sealed record BookLevel(long Price, long Quantity, long? QuantityChange)
{
    public bool IsEmpty => Price == 0;

    public static BookLevel From(OrderBookLevel level) =>
        new(level.Price?.Value is { } price ? Math.Abs(price) : 0, level.Quantity ?? 0, level.QuantityChange);
}
