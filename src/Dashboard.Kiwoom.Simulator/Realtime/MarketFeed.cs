using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// Turns market events into REAL frames for the sessions subscribed to them: trades (0B and the per-print
/// types), quotes (0C/0D), VI (1h, 0g), the session notice (0s) and the once-a-second types. Each frame is
/// serialized once and shared by every subscriber of its item. Runs on the market thread under its gate.
/// </summary>
internal sealed class MarketFeed : IMarketObserver
{
    private static readonly string[] TradeTypes = ["0B", "0C", "0D", "0w", "0G", "0m", "0u"];
    private static readonly string[] QuoteTypes = ["0C", "0D"];
    private readonly MarketEngine _engine;
    private readonly SubscriptionTable _table;
    private readonly FrameBuilder _frames;
    private readonly PeriodicFrames _periodic;
    private readonly ConditionSearch _conditions;
    private readonly SimulatorFaults _faults;
    private readonly SimulatorMetrics _metrics;
    private DateTimeOffset _lastPeriodic;
    private DateTimeOffset _lastSessionNotice;
    private MarketSession _lastSession;

    public MarketFeed(MarketEngine engine, SubscriptionTable table, FrameBuilder frames, ConditionSearch conditions, SimulatorFaults faults, SimulatorMetrics metrics)
    {
        _engine = engine;
        _table = table;
        _frames = frames;
        _periodic = new PeriodicFrames(engine, frames);
        _conditions = conditions;
        _faults = faults;
        _metrics = metrics;
        _lastSession = engine.Session;
    }

    public void OnTrade(Instrument instrument, Trade trade)
    {
        if (_table.IsEmpty || _faults.Silent)
        {
            return;
        }

        var now = trade.Time;
        foreach (var type in TradeTypes)
        {
            if (!Applies(type, instrument))
            {
                continue;
            }

            PublishFor(type, instrument.Code, fid => Value(type, fid, instrument, now));
        }
    }

    public void OnQuote(Instrument instrument, DateTimeOffset now)
    {
        if (_table.IsEmpty || _faults.Silent)
        {
            return;
        }

        foreach (var type in QuoteTypes)
        {
            PublishFor(type, instrument.Code, fid => _frames.Stock(fid, instrument, now));
        }
    }

    public void OnVi(Instrument instrument, ViEvent vi, bool released)
    {
        if (_faults.Silent)
        {
            return;
        }

        PublishFor("1h", instrument.Code, fid => FrameBuilder.Vi(fid, instrument, vi, released));
        if (_table.TryGet("1h", "", out var all))
        {
            Fan(all, _frames.Build("1h", instrument.Code, fid => FrameBuilder.Vi(fid, instrument, vi, released)));
        }

        if (_table.TryGet("0g", instrument.Code, out var info))
        {
            var now = _engine.Clock.GetUtcNow();
            Fan(info, _frames.Build("0g", instrument.Code, fid => _frames.Stock(fid, instrument, now)));
        }
    }

    public void OnStep(DateTimeOffset now)
    {
        var session = _engine.Schedule.At(KoreaTime.WallClock(now));
        if (session != _lastSession || now - _lastSessionNotice >= TimeSpan.FromMinutes(1))
        {
            _lastSession = session;
            _lastSessionNotice = now;
            if (!_faults.Silent && _table.TryGet("0s", "", out var notice))
            {
                var code = SessionSchedule.OperationCode(session);
                Fan(notice, _frames.Build("0s", "", fid => fid switch { 215 => code, 20 => KoreaTime.WallClock(now).ToString("HHmmss", CultureInfo.InvariantCulture), 214 => "000000", _ => null }));
            }
        }

        if (now - _lastPeriodic < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastPeriodic = now;
        if (!_faults.Silent)
        {
            PublishPeriodic(now);
        }

        _conditions.Refresh();
    }

    private static bool Applies(string type, Instrument i) => type switch
    {
        "0G" => i.Kind == InstrumentKind.Etf,
        "0m" or "0u" => i.Kind == InstrumentKind.Elw,
        "0w" => i.Kind == InstrumentKind.Stock,
        _ => true,
    };

    private string? Value(string type, int fid, Instrument i, DateTimeOffset now) => type switch
    {
        "0G" => _frames.Etf(fid, i, now),
        "0m" or "0u" => _frames.Elw(fid, i, now),
        _ => _frames.Stock(fid, i, now),
    };

    private void PublishFor(string type, string code, Func<int, string?> values)
    {
        // Each venue form of the code is its own registration and gets its own item echo.
        PublishItem(type, code, values);
        PublishItem(type, code + "_AL", values);
        PublishItem(type, code + "_NX", values);
    }

    private void PublishItem(string type, string item, Func<int, string?> values)
    {
        if (_table.TryGet(type, item, out var sessions))
        {
            Fan(sessions, _frames.Build(type, item, values));
        }
    }

    private void Fan(WsSession[] sessions, byte[] frame)
    {
        var sent = 0;
        foreach (var s in sessions)
        {
            if (s.Enqueue(frame))
            {
                sent++;
            }
        }

        _metrics.FramesSent(sent);
    }

    private void PublishPeriodic(DateTimeOffset now)
    {
        foreach (var ((type, item), sessions) in _table.Subscriptions)
        {
            if (sessions.Length == 0)
            {
                continue;
            }

            switch (type)
            {
                case "0J" or "0U" when _engine.Universe.FindSector(item) is { } sector:
                    Fan(sessions, _frames.Build(type, item, fid => _frames.SectorFid(fid, sector, now)));
                    break;
                case "0I":
                    Fan(sessions, _frames.Build(type, item, fid => _periodic.Gold(fid, item)));
                    break;
                case "0A" or "0E" or "0F" or "0H" or "0g" when _engine.Universe.Find(item) is { } i:
                    Fan(sessions, _frames.Build(type, item, fid => _periodic.Stock(type, fid, i, now)));
                    break;
            }
        }
    }
}
