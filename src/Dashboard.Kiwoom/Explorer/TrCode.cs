namespace Dashboard.Kiwoom.Explorer;

/// <summary>One value of a request field's documented code list ("001" KOSPI).</summary>
public sealed record TrCode(string Value, string Label);
