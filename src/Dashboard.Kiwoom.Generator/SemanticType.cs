namespace Dashboard.Kiwoom.Generator;

/// <summary>How a response field is typed in C#; request fields always stay wire strings.</summary>
internal enum SemanticType
{
    String,
    SignedPrice,
    SignedNumber,
    Quantity,
    Amount,
    Rate,
    Date,
    Time,
    DateTime,
    StockCode,
    ChangeSign,
    Json,
    Omit,
}
