namespace Dashboard.Kiwoom.Explorer;

/// <summary>A column of an answer table: wire name, Korean name from the catalog, and whether the catalog lists it.</summary>
public sealed record TrColumn(string Name, string NameKo, bool InCatalog);
