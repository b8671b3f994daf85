namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Korea Standard Time is UTC+9 all year (no daylight saving since 1988), so a fixed offset is exact.</summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset).DateTime;

    public static DateTime From(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));
}
