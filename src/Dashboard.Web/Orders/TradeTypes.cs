namespace Dashboard.Web.Orders;

/// <summary>
/// Every trade type Kiwoom accepts for stock and credit orders (PROTOCOL.md 3.7, catalog kt10000 trde_tp),
/// and the three the gold TRs accept (kt50000: 00, 10, 20).
/// </summary>
public static class TradeTypes
{
    public static readonly IReadOnlyList<TradeType> Stock =
    [
        new("0", true, false, "TradeType_Limit"),
        new("3", false, false, "TradeType_Market"),
        new("5", true, false, "TradeType_ConditionalLimit"),
        new("6", false, false, "TradeType_Best"),
        new("7", false, false, "TradeType_First"),
        new("10", true, false, "TradeType_LimitIoc"),
        new("13", false, false, "TradeType_MarketIoc"),
        new("16", false, false, "TradeType_BestIoc"),
        new("20", true, false, "TradeType_LimitFok"),
        new("23", false, false, "TradeType_MarketFok"),
        new("26", false, false, "TradeType_BestFok"),
        new("28", true, true, "TradeType_StopLimit"),
        new("29", false, false, "TradeType_Mid"),
        new("30", false, false, "TradeType_MidIoc"),
        new("31", false, false, "TradeType_MidFok"),
        new("61", false, false, "TradeType_PreMarket"),
        new("81", false, false, "TradeType_AfterHoursClose"),
        new("62", true, false, "TradeType_AfterHoursSingle"),
    ];

    public static readonly IReadOnlyList<TradeType> Gold =
    [
        new("00", true, false, "TradeType_Limit"),
        new("10", true, false, "TradeType_LimitIoc"),
        new("20", true, false, "TradeType_LimitFok"),
    ];

    public static IReadOnlyList<TradeType> For(OrderProduct product) => product == OrderProduct.Gold ? Gold : Stock;

    public static TradeType? Find(OrderProduct product, string? code) =>
        For(product).FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
}
