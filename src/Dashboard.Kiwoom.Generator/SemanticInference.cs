using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Generator;

/// <summary>
/// Chooses a response field's C# type from what its description states (<see cref="FieldDescription"/>, the
/// one reading of the catalog's text that the simulator shares); anything that matches no rule stays a
/// string, and the overlay corrects the rest.
/// </summary>
internal static class SemanticInference
{
    public static SemanticType Infer(FieldSpec field) => Infer(field.Desc);

    public static SemanticType Infer(string desc)
    {
        var facts = FieldDescription.Read(desc);
        if (facts.ListsChangeSignCodes)
        {
            return SemanticType.ChangeSign;
        }

        switch (facts.Clock)
        {
            case FieldClock.DateTime:
                return SemanticType.DateTime;
            case FieldClock.Date:
                return SemanticType.Date;
            case FieldClock.Time:
                return SemanticType.Time;
        }

        if (facts.UnitIsPercent)
        {
            return SemanticType.Rate;
        }

        if (facts.Subject == FieldSubject.StockCode)
        {
            return SemanticType.StockCode;
        }

        if (facts.UnitIsShares)
        {
            return SemanticType.Quantity;
        }

        if (facts.DefinedAsChangeFromClose)
        {
            return SemanticType.SignedNumber;
        }

        return facts.UnitIsWon ? Money(facts) : SemanticType.String;
    }

    private static SemanticType Money(FieldDescription facts)
    {
        if (facts.HeadlineNamesChange)
        {
            return SemanticType.SignedNumber;
        }

        if (!facts.ZeroPadded && facts.HeadlineNamesPrice)
        {
            return SemanticType.SignedPrice;
        }

        return facts.SaysSignedNumber && !facts.ZeroPadded ? SemanticType.SignedNumber : SemanticType.Amount;
    }
}
