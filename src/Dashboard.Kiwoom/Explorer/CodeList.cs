namespace Dashboard.Kiwoom.Explorer;

/// <summary>Codes read out of a field description, and whether the description presents them as the whole set.</summary>
internal sealed record CodeList(IReadOnlyList<TrCode> Codes, bool Closed)
{
    public static readonly CodeList None = new([], false);
}
