using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Conditions;

/// <summary>A stock entering (<see cref="ConditionChangeKind.Inserted"/>) or leaving a watched condition, at a Korea time.</summary>
public sealed record ConditionEvent(string Code, ConditionChangeKind Kind, TimeOnly Time);
