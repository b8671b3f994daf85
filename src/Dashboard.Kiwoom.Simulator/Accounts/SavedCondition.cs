namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>A saved condition-search formula (made in HTS in real life); matches are computed on the live market.</summary>
public sealed record SavedCondition(string Seq, string Name, ConditionRule Rule, decimal Threshold);
