namespace Dashboard.Kiwoom.Simulator.Accounts;

public enum OrderSide
{
    Sell = 1,
    Buy = 2,
}
