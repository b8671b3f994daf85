namespace Dashboard.Web.Orders;

/// <summary>Which family of order TRs carries the order; all three run the same pipeline.</summary>
public enum OrderProduct
{
    /// <summary>Cash stock orders: kt10000 buy, kt10001 sell, kt10002 modify, kt10003 cancel.</summary>
    Stock,

    /// <summary>Credit (margin) orders: kt10006 buy, kt10007 sell, kt10008 modify, kt10009 cancel.</summary>
    Credit,

    /// <summary>KRX gold spot: kt50000 buy, kt50001 sell, kt50002 modify, kt50003 cancel.</summary>
    Gold,
}
