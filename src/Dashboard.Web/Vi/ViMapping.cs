using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Vi;

/// <summary>Today's VI list (ka10054) as the same <see cref="ViEvent"/> the 1h push carries, so one list holds both.</summary>
public static class ViMapping
{
    /// <summary>
    /// One event per row: triggered while its release time is still ahead, else released. ka10054 has no
    /// direction field, so the direction is the trigger price against the reference it was measured from.
    /// </summary>
    public static IEnumerable<ViEvent> FromKa10054(Ka10054Response response, DateTimeOffset now)
    {
        foreach (var row in response.MotnStk)
        {
            if (row.StockCode.Code is not { } code)
            {
                continue;
            }

            var type = row.ViaplcTp?.Trim() ?? string.Empty;
            var trigger = Abs(row.MotnPric.Value);
            var staticReference = Abs(row.StaticStdpc.Value);
            var dynamicReference = Abs(row.DynmStdpc.Value);
            var reference = type.Contains("정적", StringComparison.Ordinal) ? staticReference : dynamicReference;
            var direction = trigger is { } t && reference is { } r && r > 0 ? (t >= r ? "1" : "2") : string.Empty;
            var triggered = new ViEvent(
                code, row.StockName?.Trim() ?? code, ViEventKind.Triggered, type, trigger, row.TrdeCntrProcTime.Value, row.VirelisTime.Value,
                staticReference, dynamicReference, row.StaticDisptyRt.Value, row.DynmDisptyRt.Value, null,
                long.TryParse(row.VimotnCnt, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null,
                direction, string.Empty, now);
            yield return ViTiming.IsActive(triggered, now) ? triggered : triggered with { Kind = ViEventKind.Released };
        }
    }

    private static long? Abs(long? value) => value is { } v ? Math.Abs(v) : null;
}
