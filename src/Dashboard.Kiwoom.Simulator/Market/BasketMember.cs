namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>One constituent of an ETF basket.</summary>
public sealed record BasketMember(string Code, long Shares);
