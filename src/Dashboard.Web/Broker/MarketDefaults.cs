namespace Dashboard.Web.Broker;

/// <summary>What the market overview shows before a member picks anything.</summary>
public static class MarketDefaults
{
    /// <summary>Sector codes of the major indices: KOSPI, KOSDAQ, KOSPI200.</summary>
    public static IReadOnlyList<(string Code, string Name)> Indices { get; } =
    [
        ("001", "KOSPI"),
        ("101", "KOSDAQ"),
        ("201", "KOSPI200"),
    ];

    /// <summary>A dozen of the most traded KRX stocks.</summary>
    public static IReadOnlyList<string> Stocks { get; } =
    [
        "005930", "000660", "373220", "207940", "005380", "000270",
        "068270", "035420", "035720", "051910", "006400", "105560",
    ];

    /// <summary>A KRX short code: six characters, digits and capital letters ("00680K" exists).</summary>
    public static bool IsStockCode(string? code) =>
        code is { Length: 6 } && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
