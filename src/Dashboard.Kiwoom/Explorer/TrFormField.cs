namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// One request field of a TR as a form shows it. Every Kiwoom request value is a string on the wire
/// (PROTOCOL.md 3.6), so there is no numeric input type here: <see cref="Length"/> and
/// <see cref="Codes"/> are what the catalog knows about a value.
/// </summary>
/// <param name="Codes">The code list the description documents, in its order; empty when it documents none.</param>
/// <param name="CodesAreClosed">
/// True when <see cref="Codes"/> is the whole set of accepted values (a select fits); false when the list
/// only illustrates (the description says "others", or the documented example is not among the codes).
/// </param>
/// <param name="Default">The value of the catalog's documented request example, or null when it has none.</param>
public sealed record TrFormField(
    string Name,
    string NameKo,
    string Description,
    bool Required,
    int? Length,
    IReadOnlyList<TrCode> Codes,
    bool CodesAreClosed,
    string? Default)
{
    /// <summary>The description reads YYYYMMDD: a date, whatever the (OCR'd) length column says.</summary>
    public bool IsDate => Description.Contains("YYYYMMDD", StringComparison.OrdinalIgnoreCase);
}
