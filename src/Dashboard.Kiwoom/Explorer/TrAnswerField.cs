namespace Dashboard.Kiwoom.Explorer;

/// <summary>A single (non-LIST) field of an answer.</summary>
public sealed record TrAnswerField(TrColumn Field, TrCell Value);
