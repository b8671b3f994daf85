using Dashboard.Web.Shell;

namespace Dashboard.Web.Broker;

/// <summary>The basic quote of one stock from ka10001, in whole won.</summary>
public sealed record StockBasics(
    string Code,
    string Name,
    long Price,
    PriceDirection Direction,
    long Change,
    decimal ChangeRate,
    long Volume,
    long? Open,
    long? High,
    long? Low,
    long? BasePrice,
    long? UpperLimit,
    long? LowerLimit,
    DateTimeOffset ReceivedAt);
