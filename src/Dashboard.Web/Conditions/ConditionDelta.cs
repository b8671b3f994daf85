namespace Dashboard.Web.Conditions;

/// <summary>Which codes one change added to and removed from the matching set (to subscribe or release their quotes).</summary>
public sealed record ConditionDelta(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
