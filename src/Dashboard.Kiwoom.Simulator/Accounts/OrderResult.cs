using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>The order number Kiwoom answers with, or the rejection.</summary>
public sealed record OrderResult(SimOrder? Order, SimError? Rejection);
