namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>One execution of an order.</summary>
public sealed record Fill(string OrderNumber, string ExecutionNumber, string Code, OrderSide Side, long Price, long Quantity, long Fee, long Tax, DateTimeOffset Time);
