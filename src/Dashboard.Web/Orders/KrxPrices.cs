namespace Dashboard.Web.Orders;

/// <summary>
/// KRX price steps and the daily price band. Stocks use the unified KOSPI/KOSDAQ table in force since
/// January 2023; KRX gold moves in 10-won steps. The band is ±30% of the previous close for stocks and
/// ±10% for KRX gold, rounded inwards onto the step (the simulator's market model uses the same rule).
/// </summary>
public static class KrxPrices
{
    public static int BandPercent(OrderProduct product) => product == OrderProduct.Gold ? 10 : 30;

    public static long TickFor(OrderProduct product, long price) => product == OrderProduct.Gold
        ? 10
        : price switch
        {
            < 2_000 => 1,
            < 5_000 => 5,
            < 20_000 => 10,
            < 50_000 => 50,
            < 200_000 => 100,
            < 500_000 => 500,
            _ => 1_000,
        };

    public static bool IsOnTick(OrderProduct product, long price) => price > 0 && price % TickFor(product, price) == 0;

    /// <summary>One step up from a price on the table (the step can change at a boundary).</summary>
    public static long StepUp(OrderProduct product, long price) => RoundDown(product, price) + TickFor(product, RoundDown(product, price));

    /// <summary>One step down, using the step of the lower price (4,995 below 5,000, not 4,990).</summary>
    public static long StepDown(OrderProduct product, long price)
    {
        var on = RoundUp(product, price);
        return Math.Max(TickFor(product, 1), on - TickFor(product, on - 1));
    }

    public static long RoundDown(OrderProduct product, long price)
    {
        var tick = TickFor(product, price);
        return Math.Max(tick, price / tick * tick);
    }

    public static long RoundUp(OrderProduct product, long price)
    {
        var tick = TickFor(product, price);
        return (price + tick - 1) / tick * tick;
    }

    public static long UpperLimit(OrderProduct product, long previousClose) =>
        RoundDown(product, previousClose * (100 + BandPercent(product)) / 100);

    public static long LowerLimit(OrderProduct product, long previousClose) =>
        RoundUp(product, (previousClose * (100 - BandPercent(product)) + 99) / 100);
}
