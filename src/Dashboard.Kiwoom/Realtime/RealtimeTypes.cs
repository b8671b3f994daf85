namespace Dashboard.Kiwoom.Realtime;

/// <summary>The realtime type codes (PROTOCOL.md 7.0): the 18 REG types plus the condition push "02".</summary>
public static class RealtimeTypes
{
    public const string OrderExecution = "00";
    public const string Balance = "04";
    public const string StockQuotation = "0A";
    public const string Trade = "0B";
    public const string BestQuote = "0C";
    public const string OrderBook = "0D";
    public const string AfterHoursBook = "0E";
    public const string Brokers = "0F";
    public const string EtfNav = "0G";
    public const string ExpectedExecution = "0H";
    public const string GoldPrice = "0I";
    public const string SectorIndex = "0J";
    public const string SectorAdvanceDecline = "0U";
    public const string InstrumentInfo = "0g";
    public const string ElwTheoretical = "0m";
    public const string SessionNotice = "0s";
    public const string ElwIndicators = "0u";
    public const string ProgramTrading = "0w";
    public const string ViTrigger = "1h";

    /// <summary>Condition-search insert/delete push; it arrives through CNSRREQ, never through REG.</summary>
    public const string Condition = "02";

    /// <summary>Every type that can be registered with REG.</summary>
    public static IReadOnlyList<string> Registrable { get; } =
    [
        OrderExecution, Balance, StockQuotation, Trade, BestQuote, OrderBook, AfterHoursBook, Brokers, EtfNav,
        ExpectedExecution, GoldPrice, SectorIndex, SectorAdvanceDecline, InstrumentInfo, ElwTheoretical,
        SessionNotice, ElwIndicators, ProgramTrading, ViTrigger,
    ];

    /// <summary>
    /// Types pushed only when something happens (an order, a balance change, a VI, a session notice, a
    /// change of an instrument's status): a socket carrying only these may rightly stay without REAL for
    /// hours, so the no-REAL watchdog does not count them.
    /// </summary>
    public static bool IsEventDriven(string type) =>
        type is OrderExecution or Balance or ViTrigger or SessionNotice or InstrumentInfo or Condition;

    /// <summary>Types whose events must never be dropped or conflated (fills, balances, VI, conditions).</summary>
    public static bool IsLossless(string type) =>
        type is OrderExecution or Balance or ViTrigger or Condition or SessionNotice;
}
