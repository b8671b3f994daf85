using Dashboard.Kiwoom;

namespace Dashboard.Web.Orders;

/// <summary>The limits in force for one member: their admin-set row, or the defaults.</summary>
public sealed record TradingLimits(
    long MaxOrderValue,
    long MaxQuantity,
    int PriceCollarPercent,
    int MaxOrdersPerMinute,
    bool AllowSimulator,
    bool AllowMock,
    bool AllowProduction,
    bool Halted = false,
    string? HaltReason = null)
{
    public bool Allows(KiwoomEnvironment environment) => environment switch
    {
        KiwoomEnvironment.Simulator => AllowSimulator,
        KiwoomEnvironment.Mock => AllowMock,
        KiwoomEnvironment.Production => AllowProduction,
        _ => false,
    };

    public static TradingLimits Defaults(OrdersOptions options) => new(
        options.DefaultMaxOrderValue, options.DefaultMaxQuantity, options.DefaultPriceCollarPercent, options.DefaultOrdersPerMinute,
        AllowSimulator: true, AllowMock: true, AllowProduction: options.DefaultAllowProduction);
}
