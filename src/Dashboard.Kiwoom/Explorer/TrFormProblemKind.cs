namespace Dashboard.Kiwoom.Explorer;

/// <summary>What is wrong with a request value; the first three stop the request, the rest are warnings.</summary>
public enum TrFormProblemKind
{
    /// <summary>The TR has no request field of that name.</summary>
    UnknownField,

    /// <summary>The same field was given twice.</summary>
    Duplicate,

    /// <summary>A required field was not given.</summary>
    MissingRequired,

    /// <summary>Longer than the catalog's documented length; the lengths come from an OCR'd guide, so the server decides.</summary>
    TooLong,

    /// <summary>Not one of the codes the description lists as the whole set.</summary>
    NotACode,

    /// <summary>A date field whose value is not a YYYYMMDD date.</summary>
    NotADate,
}
