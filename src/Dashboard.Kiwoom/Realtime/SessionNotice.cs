namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Type 0s 장시작시간: a market-operation notice. <paramref name="OperationCode"/> is FID 215 as sent
/// (case-sensitive: "3" open, "4" close, "P".."V" NXT sessions, see PROTOCOL.md 7.16).
/// </summary>
public sealed record SessionNotice(string OperationCode, TimeOnly? Time, TimeSpan? UntilStart, DateTimeOffset ReceivedAt)
{
    public static SessionNotice? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.SessionNotice)
        {
            return null;
        }

        var v = e.Values;
        return new SessionNotice(v.GetString(RealtimeFid.MarketOperationCode)?.Trim() ?? "", v.GetTime(RealtimeFid.Time), v.GetTime(RealtimeFid.TimeRemainingToMarketStart)?.ToTimeSpan(), e.ReceivedAt);
    }
}
