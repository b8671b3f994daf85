namespace Dashboard.Kiwoom.Explorer;

/// <summary>One LIST field of an answer: its columns and the rows of every page, one after another.</summary>
public sealed record TrTable(string Name, string NameKo, IReadOnlyList<TrColumn> Columns, IReadOnlyList<IReadOnlyList<TrCell>> Rows);
