namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>KRX price steps (unified KOSPI/KOSDAQ table since 2023) and the ±30% daily band.</summary>
public static class TickSize
{
    public static long For(InstrumentKind kind, long price) => kind switch
    {
        InstrumentKind.Etf or InstrumentKind.Elw => 5,
        InstrumentKind.Gold => 10,
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

    public static bool IsValid(InstrumentKind kind, long price) => price > 0 && price % For(kind, price) == 0;

    public static long RoundDown(InstrumentKind kind, long price)
    {
        var tick = For(kind, price);
        return Math.Max(tick, price / tick * tick);
    }

    public static long RoundUp(InstrumentKind kind, long price)
    {
        var tick = For(kind, price);
        return (price + tick - 1) / tick * tick;
    }

    /// <summary>One step up from a valid price (the step can change at a table boundary).</summary>
    public static long Up(InstrumentKind kind, long price) => price + For(kind, price);

    /// <summary>One step down from a valid price, using the step of the lower price.</summary>
    public static long Down(InstrumentKind kind, long price)
    {
        var candidate = price - For(kind, price - 1);
        return Math.Max(For(kind, 1), candidate);
    }

    public static long UpperLimit(InstrumentKind kind, long basePrice) => RoundDown(kind, basePrice * 13 / 10);

    public static long LowerLimit(InstrumentKind kind, long basePrice) => RoundUp(kind, (basePrice * 7 + 9) / 10);
}
