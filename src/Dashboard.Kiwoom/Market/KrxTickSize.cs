namespace Dashboard.Kiwoom.Market;

/// <summary>Which KRX price-step table an instrument trades on.</summary>
public enum KrxTickTable
{
    /// <summary>KOSPI/KOSDAQ shares: the unified seven-band table in force since January 2023.</summary>
    Stock,

    /// <summary>ETF, ETN and ELW: 5 won at every price.</summary>
    Fund,

    /// <summary>KRX gold spot: 10 won per gram at every price.</summary>
    Gold,
}

/// <summary>
/// The one KRX price-step table and daily band, shared by the dashboard's order validation and the
/// simulator's market model, so an order the dashboard accepts is one the simulator (and KRX) accepts.
/// The band is ±30 % of the previous close for shares and funds and ±10 % for gold, rounded inwards onto the step.
/// </summary>
public static class KrxTickSize
{
    public static long For(KrxTickTable table, long price) => table switch
    {
        KrxTickTable.Fund => 5,
        KrxTickTable.Gold => 10,
        _ => price switch
        {
            < 2_000 => 1,
            < 5_000 => 5,
            < 20_000 => 10,
            < 50_000 => 50,
            < 200_000 => 100,
            < 500_000 => 500,
            _ => 1_000,
        },
    };

    public static int BandPercent(KrxTickTable table) => table == KrxTickTable.Gold ? 10 : 30;

    public static bool IsOnTick(KrxTickTable table, long price) => price > 0 && price % For(table, price) == 0;

    /// <summary>The nearest price on the table at or below <paramref name="price"/> (never below one step).</summary>
    public static long RoundDown(KrxTickTable table, long price)
    {
        var tick = For(table, price);
        return Math.Max(tick, price / tick * tick);
    }

    /// <summary>The nearest price on the table at or above <paramref name="price"/>.</summary>
    public static long RoundUp(KrxTickTable table, long price)
    {
        var tick = For(table, price);
        return (price + tick - 1) / tick * tick;
    }

    /// <summary>One step up (an off-table price is first rounded down; the step can change at a boundary).</summary>
    public static long StepUp(KrxTickTable table, long price)
    {
        var on = RoundDown(table, price);
        return on + For(table, on);
    }

    /// <summary>One step down, using the step of the lower price (4,995 below 5,000, not 4,990); never below one step.</summary>
    public static long StepDown(KrxTickTable table, long price)
    {
        var on = RoundUp(table, price);
        return Math.Max(For(table, 1), on - For(table, on - 1));
    }

    public static long UpperLimit(KrxTickTable table, long previousClose) =>
        RoundDown(table, previousClose * (100 + BandPercent(table)) / 100);

    public static long LowerLimit(KrxTickTable table, long previousClose) =>
        RoundUp(table, (previousClose * (100 - BandPercent(table)) + 99) / 100);

    /// <summary>
    /// The table for a Kiwoom market code (ka10099/ka10100 <c>marketCode</c>, the <c>mrkt_tp</c> list of ka10099):
    /// 8 ETF, 60/70/90 ETN, 3 ELW trade on 5-won steps, 80 is gold; everything else on the share table.
    /// </summary>
    public static KrxTickTable ForMarketCode(string? marketCode) => marketCode?.Trim() switch
    {
        "8" or "3" or "60" or "70" or "90" => KrxTickTable.Fund,
        "80" => KrxTickTable.Gold,
        _ => KrxTickTable.Stock,
    };
}
