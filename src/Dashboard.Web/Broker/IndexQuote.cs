using Dashboard.Web.Shell;

namespace Dashboard.Web.Broker;

/// <summary>A sector index (0J push or ka20001 snapshot); index points keep their decimals.</summary>
public sealed record IndexQuote(
    string Code,
    decimal Value,
    PriceDirection Direction,
    decimal Change,
    decimal ChangeRate,
    DateTimeOffset ReceivedAt,
    bool FromSnapshot) : ILiveValue
{
    public string Key => Code;
}
