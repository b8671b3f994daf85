namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>A new order as the order TRs carry it (prices and quantities already parsed).</summary>
public sealed record OrderRequest(string Code, OrderSide Side, long Quantity, long Price, string TradeType, long ConditionPrice, string Exchange, bool Credit);
