using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Vi;

/// <summary>
/// When a VI started and ends. Kiwoom sends Korea wall-clock times only (1h FIDs 1223/1224, ka10054
/// trde_cntr_proc_time/virelis_time); a trigger event's release time is the planned end of the 2-minute
/// single-price period, which is what the countdown counts down to.
/// </summary>
public static class ViTiming
{
    /// <summary>How long a trigger without a release time is assumed to last (KRX: 2 minutes plus a random end of up to 30 s).</summary>
    public static readonly TimeSpan AssumedLength = TimeSpan.FromSeconds(150);

    /// <summary>The trigger instant: the event's trigger time on the day it was received (yesterday if that is still ahead).</summary>
    public static DateTimeOffset TriggeredAt(ViEvent vi)
    {
        var received = KoreaTime.ToKorea(vi.ReceivedAt);
        if (vi.TriggeredAt is not { } time)
        {
            return received;
        }

        var at = new DateTimeOffset(received.Date + time.ToTimeSpan(), KoreaTime.Offset);
        // A trigger time later than the receipt (beyond clock skew) was yesterday's, around midnight.
        return at > received.AddMinutes(5) ? at.AddDays(-1) : at;
    }

    /// <summary>The (planned, for a trigger) release instant: the first such wall-clock time at or after the trigger.</summary>
    public static DateTimeOffset ReleaseAt(ViEvent vi)
    {
        var triggered = TriggeredAt(vi);
        if (vi.ReleasedAt is not { } time)
        {
            return triggered + AssumedLength;
        }

        var at = new DateTimeOffset(triggered.Date + time.ToTimeSpan(), KoreaTime.Offset);
        return at < triggered ? at.AddDays(1) : at;
    }

    /// <summary>True while the single-price period of a triggered VI lasts.</summary>
    public static bool IsActive(ViEvent vi, DateTimeOffset now) => vi.Kind == ViEventKind.Triggered && now < ReleaseAt(vi);

    /// <summary>What is left of the single-price period (zero once over).</summary>
    public static TimeSpan Remaining(ViEvent vi, DateTimeOffset now) =>
        IsActive(vi, now) ? ReleaseAt(vi) - now : TimeSpan.Zero;

    /// <summary>"1:05" for a countdown.</summary>
    public static string Countdown(TimeSpan left)
    {
        var seconds = (int)Math.Ceiling(Math.Max(0, left.TotalSeconds));
        return $"{seconds / 60}:{seconds % 60:00}";
    }

    /// <summary>FID 1225 / viaplc_tp: 정적 static, 동적 dynamic, 동적+정적 both.</summary>
    public static bool IsStatic(ViEvent vi) => vi.ViType.Contains("정적", StringComparison.Ordinal) || vi.ViType.Contains("static", StringComparison.OrdinalIgnoreCase);

    /// <summary>FID 9069: 1 upward, 2 downward.</summary>
    public static bool IsUpward(ViEvent vi) => vi.Direction.Trim() == "1";
}
