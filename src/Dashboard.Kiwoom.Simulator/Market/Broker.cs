namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>A member firm (회원사) of the exchange.</summary>
public sealed record Broker(string Code, string Name, bool Foreign);
