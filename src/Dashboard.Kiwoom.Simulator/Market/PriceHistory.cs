using System.Collections.Concurrent;

namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// Candles for every chart interval. Past days are a seeded walk that ends exactly at the previous close
/// (the base price), today's candle is the live one, and minute candles are the live minutes preceded by a
/// seeded walk that ends at the oldest live minute's open, so every chart joins the live price seamlessly.
/// </summary>
public sealed class PriceHistory(MarketEngine engine)
{
    public const int DaysOfHistory = 2_600;
    private readonly ConcurrentDictionary<(string Code, DateOnly Day, long Base), Bar[]> _dailyCache = new();

    /// <summary>Daily candles, newest first, today's live candle at index 0. Call under the market gate.</summary>
    public IReadOnlyList<Bar> Days(Instrument i)
    {
        var today = KoreaTime.Today(engine.Clock);
        var past = _dailyCache.GetOrAdd((i.Code, today, i.BasePrice), key => BuildPastDays(i, key.Day, key.Base));
        return new DayList(new Bar(today.ToDateTime(TimeOnly.MinValue), i.Open, i.High, i.Low, i.Last, i.Volume, i.TradeValue), past);
    }

    /// <summary>Extremes of the newest <paramref name="days"/> daily candles, today's live one included. Call under the market gate.</summary>
    public PriceRange Range(Instrument i, int days) => RangeOf(Days(i).Take(days));

    /// <summary>Extremes since the first trading day of this calendar year (연중최고/최저).</summary>
    public PriceRange YearToDate(Instrument i)
    {
        var year = KoreaTime.Today(engine.Clock).Year;
        return RangeOf(Days(i).TakeWhile(d => d.Time.Year == year));
    }

    private static PriceRange RangeOf(IEnumerable<Bar> bars)
    {
        Bar? high = null, low = null;
        foreach (var b in bars)
        {
            // Newest first, so a price reached again keeps its most recent day.
            if (high is null || b.High > high.Value.High)
            {
                high = b;
            }

            if (low is null || b.Low < low.Value.Low)
            {
                low = b;
            }
        }

        return high is { } h && low is { } l
            ? new PriceRange(h.High, DateOnly.FromDateTime(h.Time), l.Low, DateOnly.FromDateTime(l.Time))
            : default;
    }

    /// <summary>Weekly (7), monthly (30) or yearly (365) candles aggregated from days, newest first.</summary>
    public IReadOnlyList<Bar> Aggregate(Instrument i, int periodDays)
    {
        var days = Days(i);
        var result = new List<Bar>();
        Bar? current = null;
        foreach (var d in days)
        {
            var key = periodDays switch
            {
                7 => d.Time.AddDays(-(((int)d.Time.DayOfWeek + 6) % 7)),
                30 => new DateTime(d.Time.Year, d.Time.Month, 1),
                _ => new DateTime(d.Time.Year, 1, 1),
            };
            if (current is { } c && c.Time == key)
            {
                // Walking newest to oldest: this older day supplies the period's open.
                current = c with { Open = d.Open, High = Math.Max(c.High, d.High), Low = Math.Min(c.Low, d.Low), Volume = c.Volume + d.Volume, Value = c.Value + d.Value };
            }
            else
            {
                if (current is { } done)
                {
                    result.Add(done);
                }

                current = d with { Time = key };
            }
        }

        if (current is { } last)
        {
            result.Add(last);
        }

        return result;
    }

    /// <summary>Minute candles of <paramref name="minutes"/> width, newest first, ending at the live price.</summary>
    public IReadOnlyList<Bar> Minutes(Instrument i, int minutes, int count)
    {
        var live = new List<Bar>();
        for (var k = i.Minutes.Count - 1; k >= 0; k--)
        {
            live.Add(i.Minutes[k]);
        }

        var nowMinute = Truncate(KoreaTime.Now(engine.Clock));
        var anchorTime = live.Count > 0 ? live[^1].Time : nowMinute;
        var anchorPrice = live.Count > 0 ? live[^1].Open : i.Last;
        if (live.Count == 0)
        {
            live.Add(new Bar(nowMinute, i.Last, i.Last, i.Last, i.Last, 0, 0));
        }

        var rng = new Random(i.Salt ^ (int)(anchorTime.Ticks / TimeSpan.TicksPerMinute));
        var needed = count * minutes - live.Count;
        var close = anchorPrice;
        for (var k = 1; k <= needed; k++)
        {
            var open = Walk(i, close, rng, 2);
            var high = Math.Max(open, close) + TickSize.For(i.Kind, close) * rng.Next(0, 2);
            var low = Math.Max(1, Math.Min(open, close) - TickSize.For(i.Kind, close) * rng.Next(0, 2));
            var volume = rng.Next(100, 20_000);
            live.Add(new Bar(anchorTime.AddMinutes(-k), open, high, low, close, volume, volume * close));
            close = open;
        }

        return minutes == 1 ? live.Take(count).ToArray() : Merge(live, minutes).Take(count).ToArray();
    }

    /// <summary>Recent trades newest first, preceded by a seeded tape before the live one.</summary>
    public IReadOnlyList<Trade> Ticks(Instrument i, int count)
    {
        var result = new List<Trade>(count);
        for (var k = 0; k < i.Trades.Count && result.Count < count; k++)
        {
            result.Add(i.Trades.FromNewest(k));
        }

        var anchor = result.Count > 0 ? result[^1] : new Trade(engine.Clock.GetUtcNow(), i.Last, 1, i.Volume);
        var rng = new Random(i.Salt ^ (int)(anchor.Time.UtcTicks / TimeSpan.TicksPerSecond));
        var price = anchor.Price;
        var time = anchor.Time;
        var cumulative = anchor.CumulativeVolume - Math.Abs(anchor.Quantity);

        // An ETF's seeded prints carry the NAV at today's premium, since the basket's past prices are not kept. Without a
        // live print the newest seeded one is the last price the quote shows, with the NAV every other TR reports now.
        var nav = i.Kind == InstrumentKind.Etf ? engine.EtfNav(i) : 0;
        var navPerPrice = i.Last > 0 ? nav / i.Last : 0;
        var newest = result.Count == 0;
        while (result.Count < count && cumulative > 0)
        {
            var walked = Walk(i, price, rng, 1);
            price = newest ? anchor.Price : walked;
            time = time.AddSeconds(-rng.Next(1, 20));
            var qty = Math.Min(cumulative, rng.Next(1, 300));
            result.Add(new Trade(time, price, rng.Next(2) == 0 ? qty : -qty, cumulative, newest ? nav : Math.Round(price * navPerPrice, 2)));
            cumulative -= qty;
            newest = false;
        }

        return result;
    }

    private static Bar[] BuildPastDays(Instrument i, DateOnly today, long basePrice)
    {
        var rng = new Random(i.Salt);
        var bars = new Bar[DaysOfHistory];
        var close = basePrice;
        var days = SessionSchedule.TradingDaysBefore(today).GetEnumerator();
        for (var k = 0; k < DaysOfHistory; k++)
        {
            days.MoveNext();
            var prevClose = Math.Max(TickSize.For(i.Kind, 1) * 2, TickSize.RoundDown(i.Kind, (long)(close / (1 + (rng.NextDouble() - 0.5) * 0.05))));
            var band = Math.Max(prevClose * 3 / 10, TickSize.For(i.Kind, prevClose));
            var clampedClose = Math.Clamp(close, prevClose - band, prevClose + band);
            var open = TickSize.RoundDown(i.Kind, Math.Clamp((long)(prevClose * (1 + (rng.NextDouble() - 0.5) * 0.02)), prevClose - band, prevClose + band));
            var high = TickSize.RoundDown(i.Kind, (long)(Math.Max(open, clampedClose) * (1 + rng.NextDouble() * 0.015)));
            var low = TickSize.RoundUp(i.Kind, (long)(Math.Min(open, clampedClose) * (1 - rng.NextDouble() * 0.015)));
            high = Math.Max(high, Math.Max(open, clampedClose));
            low = Math.Max(1, Math.Min(low, Math.Min(open, clampedClose)));
            var volume = Math.Max(100, (long)(i.PreviousVolume * (0.5 + rng.NextDouble())));
            bars[k] = new Bar(days.Current.ToDateTime(TimeOnly.MinValue), open, high, low, clampedClose, volume, volume * clampedClose);
            close = prevClose;
        }

        return bars;
    }

    private static long Walk(Instrument i, long price, Random rng, int maxTicks)
    {
        var steps = rng.Next(-maxTicks, maxTicks + 1);
        for (var s = 0; s < Math.Abs(steps); s++)
        {
            price = steps > 0 ? TickSize.Up(i.Kind, price) : TickSize.Down(i.Kind, price);
        }

        return Math.Clamp(price, i.LowerLimit, i.UpperLimit);
    }

    private static IEnumerable<Bar> Merge(List<Bar> newestFirst, int width)
    {
        Bar? current = null;
        foreach (var b in newestFirst)
        {
            var key = b.Time.AddMinutes(-(b.Time.Hour * 60 + b.Time.Minute) % width);
            if (current is { } c && c.Time == key)
            {
                current = c with { Open = b.Open, High = Math.Max(c.High, b.High), Low = Math.Min(c.Low, b.Low), Volume = c.Volume + b.Volume, Value = c.Value + b.Value };
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = b with { Time = key };
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private static DateTime Truncate(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);
}
