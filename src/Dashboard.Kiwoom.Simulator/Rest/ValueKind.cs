namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>What a response field carries, as read from its catalog name and description.</summary>
internal enum ValueKind
{
    Text,
    Code,
    Name,
    Price,
    Change,
    Rate,
    Sign,
    Quantity,
    Amount,
    Date,
    Time,
    DateTime,
    Index,
    Count,
    Rank,
    SectorCode,
    SectorName,
    ThemeCode,
    ThemeName,
    BrokerCode,
    BrokerName,
    OrderNumber,
    Exchange,

    /// <summary>A letter class such as the credit guarantee group (<c>"B"</c>).</summary>
    Grade,
}
