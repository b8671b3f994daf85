namespace Dashboard.Web.Orders;

/// <summary>Marker for the order screens' and order messages' strings (OrdersText.resx Korean, OrdersText.en.resx English).</summary>
public sealed class OrdersText;
