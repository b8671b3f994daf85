namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// KRX sessions in Korea time. In continuous mode (the default) the market is always in its regular
/// session so a demo is alive at any hour; in calendar mode weekends and KRX holidays are closed.
/// </summary>
public sealed class SessionSchedule(bool calendar)
{
    private static readonly HashSet<DateOnly> Holidays =
    [
        new(2025, 1, 1), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 3, 3), new(2025, 5, 5), new(2025, 5, 6),
        new(2025, 6, 3), new(2025, 6, 6), new(2025, 8, 15), new(2025, 10, 3), new(2025, 10, 6), new(2025, 10, 7), new(2025, 10, 8),
        new(2025, 10, 9), new(2025, 12, 25), new(2025, 12, 31),
        new(2026, 1, 1), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 3, 2), new(2026, 5, 5), new(2026, 5, 25),
        new(2026, 6, 3), new(2026, 8, 17), new(2026, 9, 24), new(2026, 9, 25), new(2026, 10, 5), new(2026, 10, 9), new(2026, 12, 25),
        new(2026, 12, 31),
    ];

    public bool Calendar { get; } = calendar;

    public static bool IsTradingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    public MarketSession At(DateTime kst)
    {
        if (!Calendar)
        {
            return MarketSession.Continuous;
        }

        if (!IsTradingDay(DateOnly.FromDateTime(kst)))
        {
            return MarketSession.Closed;
        }

        var t = TimeOnly.FromDateTime(kst);
        return t switch
        {
            _ when t >= new TimeOnly(8, 30) && t < new TimeOnly(8, 40) => MarketSession.PreMarketAfterHours,
            _ when t >= new TimeOnly(8, 40) && t < new TimeOnly(9, 0) => MarketSession.OpeningAuction,
            _ when t >= new TimeOnly(9, 0) && t < new TimeOnly(15, 20) => MarketSession.Continuous,
            _ when t >= new TimeOnly(15, 20) && t < new TimeOnly(15, 30) => MarketSession.ClosingAuction,
            _ when t >= new TimeOnly(15, 40) && t < new TimeOnly(16, 0) => MarketSession.AfterHoursClose,
            _ when t >= new TimeOnly(16, 0) && t < new TimeOnly(18, 0) => MarketSession.AfterHoursSinglePrice,
            _ => MarketSession.Closed,
        };
    }

    /// <summary>FID 215 code of PROTOCOL.md 7.16 for a session.</summary>
    public static string OperationCode(MarketSession session) => session switch
    {
        MarketSession.PreMarketAfterHours or MarketSession.OpeningAuction => "0",
        MarketSession.Continuous => "3",
        MarketSession.ClosingAuction => "2",
        MarketSession.AfterHoursClose => "a",
        MarketSession.AfterHoursSinglePrice => "c",
        _ => "8",
    };

    /// <summary>Trading days strictly before <paramref name="day"/>, newest first (weekends and holidays skipped).</summary>
    public static IEnumerable<DateOnly> TradingDaysBefore(DateOnly day)
    {
        var d = day.AddDays(-1);
        while (true)
        {
            if (IsTradingDay(d))
            {
                yield return d;
            }

            d = d.AddDays(-1);
        }
    }
}
