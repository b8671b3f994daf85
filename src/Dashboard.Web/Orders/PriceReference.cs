namespace Dashboard.Web.Orders;

/// <summary>The prices an order is checked against: the previous close (band) and the last trade (collar).</summary>
public sealed record PriceReference(long PreviousClose, long LastPrice);
