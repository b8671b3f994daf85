using Dashboard.Kiwoom.Market;

namespace Dashboard.Web.Orders;

/// <summary>
/// The prices an order is checked against: the previous close (band) and the last trade (collar), and the
/// KRX step table the listing trades on (shares, or 5-won steps for ETF/ETN/ELW).
/// </summary>
public sealed record PriceReference(long PreviousClose, long LastPrice, KrxTickTable Table = KrxTickTable.Stock);
