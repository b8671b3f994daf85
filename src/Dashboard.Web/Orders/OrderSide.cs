namespace Dashboard.Web.Orders;

/// <summary>Buy or sell; the TR is chosen from it (kt10000 buy, kt10001 sell, and their credit/gold twins).</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
