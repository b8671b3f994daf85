namespace Dashboard.Kiwoom.Simulator.Accounts;

public enum OrderStatus
{
    Accepted,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
}
