using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Web.Broker;

/// <summary>
/// Chart bars through the session's query path: ticks from ka10079, minutes from ka10080 (tic_scope), days ka10081, weeks
/// ka10082, months ka10083, years ka10094, adjusted prices. Kiwoom answers newest first, one page at a time
/// going back; <see cref="ChartPage.Next"/> continues further into the past (scrolling left).
/// </summary>
public static class ChartQueries
{
    public static async Task<KiwoomResult<ChartPage>> LoadAsync(
        IBrokerQueries queries, string code, ChartInterval interval, DateOnly today, KiwoomContinuation? continuation = null, CancellationToken ct = default)
    {
        var baseDate = today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return interval switch
        {
            ChartInterval.Day => Page(await queries.QueryPageAsync(new Ka10081Request { StockCode = code, BaseDt = baseDate, UpdStkpcTp = "1" }, continuation, ct),
                r => r.Candles.Select(c => Bar(c.Date, c.OpenPrice, c.HighPrice, c.LowPrice, c.CurrentPrice, c.Volume))),
            ChartInterval.Week => Page(await queries.QueryPageAsync(new Ka10082Request { StockCode = code, BaseDt = baseDate, UpdStkpcTp = "1" }, continuation, ct),
                r => r.Candles.Select(c => Bar(c.Date, c.OpenPrice, c.HighPrice, c.LowPrice, c.CurrentPrice, c.Volume))),
            ChartInterval.Month => Page(await queries.QueryPageAsync(new Ka10083Request { StockCode = code, BaseDt = baseDate, UpdStkpcTp = "1" }, continuation, ct),
                r => r.Candles.Select(c => Bar(c.Date, c.OpenPrice, c.HighPrice, c.LowPrice, c.CurrentPrice, c.Volume))),
            ChartInterval.Year => Page(await queries.QueryPageAsync(new Ka10094Request { StockCode = code, BaseDt = baseDate, UpdStkpcTp = "1" }, continuation, ct),
                r => r.StkYrPoleChartQry.Select(c => Bar(c.Date, c.OpenPrice, c.HighPrice, c.LowPrice, c.CurrentPrice, c.Volume))),
            ChartInterval.Tick => Page(await queries.QueryPageAsync(new Ka10079Request { StockCode = code, TicScope = "1", UpdStkpcTp = "1" }, continuation, ct),
                r => MergeSameSecond(r.Candles.Select(c => Bar(c.FillTime, c.OpenPrice, c.HighPrice, c.LowPrice, c.CurrentPrice, c.Volume)))),
            _ => Page(await queries.QueryPageAsync(new Ka10080Request { StockCode = code, TicScope = Minutes(interval).ToString(System.Globalization.CultureInfo.InvariantCulture), UpdStkpcTp = "1" }, continuation, ct),
                r => r.Candles.Select(c => Bar(c.FillTime, c.OpenPrice, c.HighPrice, c.LowPrice, SignedPrice.Parse(c.CurrentPrice), c.Volume))),
        };
    }

    /// <summary>Minutes per bar of a minute interval.</summary>
    public static int Minutes(ChartInterval interval) => interval switch
    {
        ChartInterval.Minute1 => 1,
        ChartInterval.Minute3 => 3,
        ChartInterval.Minute5 => 5,
        ChartInterval.Minute10 => 10,
        ChartInterval.Minute15 => 15,
        ChartInterval.Minute30 => 30,
        ChartInterval.Minute60 => 60,
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Not a minute interval."),
    };

    /// <summary>The start of the bar a trade at <paramref name="koreaTime"/> belongs to.</summary>
    public static DateTimeOffset BarStart(ChartInterval interval, DateTimeOffset koreaTime)
    {
        var local = koreaTime.ToOffset(KoreaTime.Offset);
        var day = new DateTimeOffset(local.Date, KoreaTime.Offset);
        return interval switch
        {
            ChartInterval.Day => day,
            ChartInterval.Week => day.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            ChartInterval.Month => new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, KoreaTime.Offset),
            ChartInterval.Year => new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, KoreaTime.Offset),
            ChartInterval.Tick => new DateTimeOffset(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond, KoreaTime.Offset),
            _ => day.AddMinutes((int)(local.TimeOfDay.TotalMinutes / Minutes(interval)) * Minutes(interval)),
        };
    }

    /// <summary>
    /// Ticks of the same second as one bar (open of the first, close of the last, summed volume): the chart
    /// needs strictly increasing times and its resolution is a second. Rows may come newest first.
    /// </summary>
    internal static IEnumerable<Candle?> MergeSameSecond(IEnumerable<Candle?> ticks) =>
        ticks.OfType<Candle>()
            .Select((c, order) => (Candle: c, Order: order))
            .GroupBy(t => t.Candle.Start)
            .Select(g =>
            {
                // Within a second, Kiwoom's order (newest first) reversed is the trading order.
                var inOrder = g.OrderByDescending(t => t.Order).Select(t => t.Candle).ToList();
                return (Candle?)new Candle(g.Key, inOrder[0].Open, inOrder.Max(c => c.High), inOrder.Min(c => c.Low), inOrder[^1].Close, inOrder.Sum(c => c.Volume));
            });

    private static KiwoomResult<ChartPage> Page<TResponse>(KiwoomResult<KiwoomPage<TResponse>> answer, Func<TResponse, IEnumerable<Candle?>> bars)
        where TResponse : KiwoomResponse =>
        answer.Map(page => new ChartPage([.. bars(page.Value).OfType<Candle>().OrderBy(c => c.Start)], page.Next));

    private static Candle? Bar(KDate date, SignedPrice open, SignedPrice high, SignedPrice low, SignedPrice close, Quantity volume) =>
        date.Value is { } day ? Bar(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KoreaTime.Offset), open, high, low, close, volume) : null;

    private static Candle? Bar(KDateTime time, SignedPrice open, SignedPrice high, SignedPrice low, SignedPrice close, Quantity volume) =>
        time.KoreaTime is { } start ? Bar(start, open, high, low, close, volume) : null;

    private static Candle? Bar(DateTimeOffset start, SignedPrice open, SignedPrice high, SignedPrice low, SignedPrice close, Quantity volume) =>
        close.Value is { } last
            ? new Candle(start, Math.Abs(open.Value ?? last), Math.Abs(high.Value ?? last), Math.Abs(low.Value ?? last), Math.Abs(last), volume.Value ?? 0)
            : null;
}
