using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0H 주식예상체결: the expected auction price.</summary>
public readonly record struct ExpectedExecution(
    string Item,
    TimeOnly? Time,
    SignedPrice? Price,
    long? Change,
    decimal? ChangeRate,
    long? Volume,
    long? CumulativeVolume,
    ChangeSignCode Sign,
    DateTimeOffset ReceivedAt)
{
    public static ExpectedExecution? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.ExpectedExecution)
        {
            return null;
        }

        var v = e.Values;
        return new ExpectedExecution(
            e.Item, v.GetTime(RealtimeFid.Time), v.GetPrice(RealtimeFid.CurrentPrice), v.GetInt64(RealtimeFid.Change), v.GetDecimal(RealtimeFid.ChangeRate), v.GetInt64(RealtimeFid.Volume), v.GetInt64(RealtimeFid.CumulativeVolume),
            v.GetChangeSign(RealtimeFid.ChangeSign), e.ReceivedAt);
    }
}
