using Dashboard.Kiwoom.Market;

namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// The simulator's view of the KRX step table: which table a kind of listing trades on. The table itself
/// lives in the broker library (<see cref="KrxTickSize"/>), shared with the dashboard's order validation.
/// </summary>
public static class TickSize
{
    public static KrxTickTable Table(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Etf or InstrumentKind.Elw => KrxTickTable.Fund,
        InstrumentKind.Gold => KrxTickTable.Gold,
        _ => KrxTickTable.Stock,
    };

    public static long For(InstrumentKind kind, long price) => KrxTickSize.For(Table(kind), price);

    public static bool IsValid(InstrumentKind kind, long price) => KrxTickSize.IsOnTick(Table(kind), price);

    public static long RoundDown(InstrumentKind kind, long price) => KrxTickSize.RoundDown(Table(kind), price);

    public static long RoundUp(InstrumentKind kind, long price) => KrxTickSize.RoundUp(Table(kind), price);

    /// <summary>One step up from a valid price (the step can change at a table boundary).</summary>
    public static long Up(InstrumentKind kind, long price) => KrxTickSize.StepUp(Table(kind), price);

    /// <summary>One step down from a valid price, using the step of the lower price.</summary>
    public static long Down(InstrumentKind kind, long price) => KrxTickSize.StepDown(Table(kind), price);

    public static long UpperLimit(InstrumentKind kind, long basePrice) => KrxTickSize.UpperLimit(Table(kind), basePrice);

    public static long LowerLimit(InstrumentKind kind, long basePrice) => KrxTickSize.LowerLimit(Table(kind), basePrice);
}
