namespace Dashboard.Web.Orders;

/// <summary>What an intent asks the broker to do.</summary>
public enum OrderAction
{
    Place,
    Modify,
    Cancel,
}
