namespace Dashboard.Web.Conditions;

/// <summary>A stock matching a watched condition; <paramref name="EnteredAt"/> is null when it matched from the start.</summary>
public sealed record ConditionMember(string Code, TimeOnly? EnteredAt);
