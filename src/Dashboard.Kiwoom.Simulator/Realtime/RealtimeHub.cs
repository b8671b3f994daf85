using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// The /api/dostk/websocket endpoint: LOGIN, PING/heartbeat, REG/REMOVE with groups and refresh, REAL
/// fan-out of every realtime type, duplicate-login R10001, and condition search (CNSRLST/CNSRREQ/CNSRCLR).
/// One serialized frame is shared by every socket subscribed to its item.
/// </summary>
public sealed class RealtimeHub : IMarketObserver
{
    private const int ConditionPageSize = 50;
    private static readonly byte[] PingFrame = Encoding.UTF8.GetBytes("{\"trnm\":\"PING\"}");
    private static readonly string[] TradeTypes = ["0B", "0C", "0D", "0w", "0G", "0m", "0u"];
    private static readonly string[] QuoteTypes = ["0C", "0D"];
    private static readonly string[] PeriodicTypes = ["0A", "0E", "0F", "0H", "0g"];
    private readonly MarketEngine _engine;
    private readonly TokenStore _tokens;
    private readonly AccountBook _accounts;
    private readonly SimulatorFaults _faults;
    private readonly SimulatorMetrics _metrics;
    private readonly SimulatorOptions _options;
    private readonly ILogger<RealtimeHub> _logger;
    private readonly FrameBuilder _frames;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<(string Type, string Item), WsSession[]> _subscribers = new();
    private readonly ConcurrentDictionary<long, WsSession> _sessions = new();
    private readonly Dictionary<string, WsSession> _byAppKey = new(StringComparer.Ordinal);
    private long _nextId;
    private DateTimeOffset _lastPeriodic;
    private DateTimeOffset _lastSessionNotice;
    private MarketSession _lastSession;

    public RealtimeHub(MarketEngine engine, TokenStore tokens, AccountBook accounts, SimulatorFaults faults, SimulatorMetrics metrics, IOptions<SimulatorOptions> options, ILogger<RealtimeHub> logger)
    {
        _engine = engine;
        _tokens = tokens;
        _accounts = accounts;
        _faults = faults;
        _metrics = metrics;
        _options = options.Value;
        _logger = logger;
        _frames = new FrameBuilder(engine, _options.EmitTimestamps);
        _lastSession = engine.Session;
        engine.AddObserver(this);
    }

    public int SessionCount => _sessions.Count;

    /// <summary>Turns the emit-time field on or off at run time (latency measurement).</summary>
    public bool EmitTimestamps
    {
        get => _frames.EmitTimestamps;
        set => _frames.EmitTimestamps = value;
    }

    public async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new WsSession(Interlocked.Increment(ref _nextId), socket);
        _sessions[session.Id] = session;
        _metrics.SocketOpened();
        SimulatorLog.SocketOpened(_logger, session.Id);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, session.Stop.Token);
        var writer = WriteLoopAsync(session, linked.Token);
        var pinger = PingLoopAsync(session, linked.Token);
        var reason = "client closed";
        try
        {
            await ReadLoopAsync(session, linked.Token);
        }
        catch (OperationCanceledException)
        {
            reason = "stopped";
        }
        catch (WebSocketException ex)
        {
            reason = ex.WebSocketErrorCode.ToString();
        }
        catch (Exception ex)
        {
            // A bug in one session must not go unnoticed, but it must not take the host down either.
            SimulatorLog.SocketFailed(_logger, ex, session.Id);
            reason = "failed";
        }
        finally
        {
            Detach(session);
            session.Outbox.Writer.TryComplete();
            await session.Stop.CancelAsync();
            await Task.WhenAll(Quietly(writer), Quietly(pinger));
            _metrics.SocketClosed();
            SimulatorLog.SocketClosed(_logger, session.Id, reason);
            session.Stop.Dispose();
        }
    }

    /// <summary>Aborts every socket (control surface "drop"). Clients see the connection reset.</summary>
    public int DropAll()
    {
        var n = 0;
        foreach (var s in _sessions.Values)
        {
            // Stop the session's loops before aborting its socket. A session that is closing on its own at this
            // moment may already have released both; it goes away all the same, so it still counts as dropped.
            n++;
            try
            {
                s.Stop.Cancel();
                s.Socket.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        return n;
    }

    /// <summary>Publishes an order (00) or balance (04) event to the sockets of the account's app key.</summary>
    internal void PublishAccount(Account account, string type, string item, Func<int, string?> values)
    {
        WsSession? target;
        lock (_gate)
        {
            target = _byAppKey.GetValueOrDefault(account.AppKey);
            if (target is null || !target.Wants(type))
            {
                return;
            }
        }

        var frame = _frames.Build(type, item, values);
        if (target.Enqueue(frame))
        {
            _metrics.FramesSent(1);
        }
    }

    void IMarketObserver.OnTrade(Instrument instrument, Trade trade)
    {
        if (_subscribers.IsEmpty || _faults.Silent)
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

    void IMarketObserver.OnQuote(Instrument instrument, DateTimeOffset now)
    {
        if (_subscribers.IsEmpty || _faults.Silent)
        {
            return;
        }

        foreach (var type in QuoteTypes)
        {
            PublishFor(type, instrument.Code, fid => _frames.Stock(fid, instrument, now));
        }
    }

    void IMarketObserver.OnVi(Instrument instrument, ViEvent vi, bool released)
    {
        if (_faults.Silent)
        {
            return;
        }

        PublishFor("1h", instrument.Code, fid => FrameBuilder.Vi(fid, instrument, vi, released));
        if (_subscribers.TryGetValue(("1h", ""), out var all) && all.Length > 0)
        {
            Fan(all, _frames.Build("1h", instrument.Code, fid => FrameBuilder.Vi(fid, instrument, vi, released)));
        }

        if (_subscribers.TryGetValue(("0g", instrument.Code), out var info) && info.Length > 0)
        {
            var now = _engine.Clock.GetUtcNow();
            Fan(info, _frames.Build("0g", instrument.Code, fid => _frames.Stock(fid, instrument, now)));
        }
    }

    void IMarketObserver.OnStep(DateTimeOffset now)
    {
        var session = _engine.Schedule.At(KoreaTime.WallClock(now));
        if (session != _lastSession || now - _lastSessionNotice >= TimeSpan.FromMinutes(1))
        {
            _lastSession = session;
            _lastSessionNotice = now;
            if (!_faults.Silent && _subscribers.TryGetValue(("0s", ""), out var notice) && notice.Length > 0)
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

        RefreshConditions();
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
        if (_subscribers.TryGetValue((type, item), out var sessions) && sessions.Length > 0)
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
        foreach (var ((type, item), sessions) in _subscribers)
        {
            if (sessions.Length == 0)
            {
                continue;
            }

            switch (type)
            {
                case "0J" or "0U" when _engine.Universe.SectorByCode.TryGetValue(item, out var sector):
                    Fan(sessions, _frames.Build(type, item, fid => _frames.SectorFid(fid, sector, now)));
                    break;
                case "0I":
                    Fan(sessions, _frames.Build(type, item, fid => Gold(fid, item)));
                    break;
                case "0A" or "0E" or "0F" or "0H" or "0g" when _engine.Universe.Find(item) is { } i:
                    Fan(sessions, _frames.Build(type, item, fid => PeriodicStock(type, fid, i, now)));
                    break;
            }
        }
    }

    private string? PeriodicStock(string type, int fid, Instrument i, DateTimeOffset now)
    {
        if (type == "0F")
        {
            // Top-5 brokers: fixed member firms per listing, quantities from today's buy/sell volume.
            var brokers = _engine.Universe.Brokers;
            var slot = fid switch
            {
                >= 141 and <= 145 => fid - 141,
                >= 146 and <= 150 => fid - 146,
                >= 151 and <= 155 => fid - 151,
                >= 156 and <= 160 => fid - 156,
                >= 161 and <= 165 => fid - 161,
                >= 171 and <= 175 => fid - 171,
                _ => -1,
            };
            var sell = fid is (>= 141 and <= 150) or (>= 161 and <= 170) or (>= 271 and <= 275);
            var broker = slot >= 0 ? brokers[(i.Salt + slot * 3 + (sell ? 1 : 0)) % brokers.Count] : null;
            var qty = (sell ? i.SellVolume : i.BuyVolume) / (slot + 2);
            return fid switch
            {
                (>= 141 and <= 145) or (>= 151 and <= 155) => broker!.Name,
                (>= 146 and <= 150) or (>= 156 and <= 160) => broker!.Code,
                (>= 161 and <= 165) or (>= 171 and <= 175) => qty.ToString(CultureInfo.InvariantCulture),
                (>= 166 and <= 170) or (>= 176 and <= 180) => "0",
                (>= 271 and <= 275) or (>= 281 and <= 285) => "0",
                261 or 263 => (i.ForeignNet > 0 ? i.ForeignNet : 0).ToString(CultureInfo.InvariantCulture),
                262 or 264 or 268 => "0",
                267 => FrameBuilder.S(i.ForeignNet),
                337 => "1",
                _ => null,
            };
        }

        if (type == "0E")
        {
            return fid switch
            {
                131 => i.AskQuantities.Sum().ToString(CultureInfo.InvariantCulture),
                135 => i.BidQuantities.Sum().ToString(CultureInfo.InvariantCulture),
                132 or 136 => "0",
                _ => _frames.Stock(fid, i, now),
            };
        }

        return type switch
        {
            "0H" when fid == 20 => KoreaTime.WallClock(now).ToString("HHmmss", CultureInfo.InvariantCulture),
            _ => _frames.Stock(fid, i, now),
        };
    }

    private string? Gold(int fid, string item)
    {
        // MGD: KRW per gram from the 1kg contract; MGU: USD per troy ounce with two implied decimals (PROTOCOL.md 7.11).
        var gold = _engine.Universe.ByCode["M04020000"];
        var usdOunce = gold.Last * 31.1035m / 1_380m;
        var value = item == "MGU" ? (long)(usdOunce * 100) : gold.Last;
        var baseValue = item == "MGU" ? (long)(gold.BasePrice * 31.1035m / 1_380m * 100) : gold.BasePrice;
        return fid switch
        {
            10 => FrameBuilder.P(value, baseValue),
            25 => value > baseValue ? "2" : value < baseValue ? "5" : "3",
            11 => FrameBuilder.S(value - baseValue),
            12 => FrameBuilder.R(baseValue == 0 ? 0 : Math.Round((value - baseValue) * 100m / baseValue, 2)),
            _ => null,
        };
    }

    private async Task ReadLoopAsync(WsSession session, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (!ct.IsCancellationRequested && session.Socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                if (buffer.WrittenCount > 1_000_000)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, "Message too large.");
                }

                result = await session.Socket.ReceiveAsync(buffer.GetMemory(4096), ct);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (session.Socket.State == WebSocketState.CloseReceived)
                {
                    await session.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct);
                }

                return;
            }

            Handle(session, buffer.WrittenSpan);
        }
    }

    private void Handle(WsSession session, ReadOnlySpan<byte> message)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException)
        {
            session.Enqueue(SystemFrame("R10003", "메시지 형식이 올바르지 않습니다"));
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            var trnm = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("trnm", out var t) ? t.GetString() ?? "" : "";
            switch (trnm)
            {
                case "PING":
                    Interlocked.Exchange(ref session.OutstandingPings, 0);
                    return;
                case "LOGIN":
                    Login(session, Str(root, "token"));
                    return;
            }

            if (!session.LoggedIn)
            {
                session.Enqueue(SystemFrame("R10004", "접속허용요청이 들어오지 않았습니다"));
                return;
            }

            switch (trnm)
            {
                case "REG":
                case "REMOVE":
                    Register(session, root, trnm == "REG");
                    break;
                case "CNSRLST":
                    ListConditions(session);
                    break;
                case "CNSRREQ":
                    RequestCondition(session, root);
                    break;
                case "CNSRCLR":
                    ClearCondition(session, Str(root, "seq"));
                    break;
                default:
                    session.Enqueue(Json(w =>
                    {
                        w.WriteString("trnm", trnm);
                        w.WriteNumber("return_code", 1);
                        w.WriteString("return_msg", "지원하지 않는 서비스입니다");
                    }));
                    break;
            }
        }
    }

    private void Login(WsSession session, string token)
    {
        if (_tokens.Validate(token, out var issued) is { } error)
        {
            var code = error.Message[(error.Message.IndexOf('[', StringComparison.Ordinal) + 1)..error.Message.IndexOf(':', StringComparison.Ordinal)];
            var text = error.Message[(error.Message.IndexOf(':', StringComparison.Ordinal) + 1)..^1];
            session.EnqueueFinal(Json(w =>
            {
                w.WriteString("trnm", "LOGIN");
                w.WriteNumber("return_code", 3);
                w.WriteString("return_msg", $"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE={code}, MESSAGE={text}]");
            }));
            return;
        }

        WsSession? older;
        lock (_gate)
        {
            older = _byAppKey.GetValueOrDefault(issued!.AppKey);
            session.AppKey = issued.AppKey;
            session.Account = _accounts.For(issued.AppKey);
            _byAppKey[issued.AppKey] = session;
        }

        if (older is not null && older != session)
        {
            older.EnqueueFinal(SystemFrame("R10001", "동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"));
        }

        session.Enqueue(Json(w =>
        {
            w.WriteString("trnm", "LOGIN");
            w.WriteNumber("return_code", 0);
            w.WriteString("return_msg", "");
            w.WriteString("sor_yn", "Y");
        }));
    }

    private void Register(WsSession session, JsonElement root, bool register)
    {
        var trnm = register ? "REG" : "REMOVE";
        var group = Str(root, "grp_no");
        if (group.Length is 0 or > 4 || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            session.Enqueue(Ack(trnm, 1, group.Length is 0 or > 4 ? "grp_no 값이 올바르지 않습니다" : "data 값이 올바르지 않습니다"));
            return;
        }

        var pairs = new List<(string Type, string Item)>();
        foreach (var entry in data.EnumerateArray())
        {
            var types = Strings(entry, "type");
            var items = Strings(entry, "item");
            if (types.Count == 0)
            {
                session.Enqueue(Ack(trnm, 1, "type 값이 존재하지 않습니다"));
                return;
            }

            if (items.Count == 0)
            {
                items.Add("");
            }

            foreach (var type in types)
            {
                if (!Market.RealtimeTypes.IsRegistrable(type))
                {
                    session.Enqueue(Ack(trnm, 1, $"지원하지 않는 실시간 항목입니다. type={type}"));
                    return;
                }

                pairs.AddRange(items.Select(item => (type, item.Trim())));
            }
        }

        lock (_gate)
        {
            if (!session.Groups.TryGetValue(group, out var registered))
            {
                registered = [];
                session.Groups[group] = registered;
            }

            if (register && Str(root, "refresh") == "0")
            {
                // refresh "0": what this group held before is released and replaced (PROTOCOL.md 6.5; group-scoped here).
                foreach (var old in registered.ToArray())
                {
                    Unsubscribe(session, old);
                }

                registered.Clear();
            }

            foreach (var pair in pairs)
            {
                if (register)
                {
                    if (registered.Add(pair))
                    {
                        Subscribe(session, pair);
                    }
                }
                else if (registered.Remove(pair) && !session.Groups.Values.Any(g => g.Contains(pair)))
                {
                    Unsubscribe(session, pair);
                }
            }
        }

        session.Enqueue(Ack(trnm, 0, ""));
    }

    private void Subscribe(WsSession session, (string Type, string Item) key) =>
        _subscribers.AddOrUpdate(key, _ => [session], (_, existing) => existing.Contains(session) ? existing : [.. existing, session]);

    private void Unsubscribe(WsSession session, (string Type, string Item) key)
    {
        if (_subscribers.TryGetValue(key, out var existing))
        {
            var remaining = existing.Where(s => s != session).ToArray();
            if (remaining.Length == 0)
            {
                _subscribers.TryRemove(key, out _);
            }
            else
            {
                _subscribers[key] = remaining;
            }
        }
    }

    private void ListConditions(WsSession session)
    {
        session.ConditionsListed = true;
        var conditions = session.Account!.Conditions;
        session.Enqueue(Json(w =>
        {
            w.WriteString("trnm", "CNSRLST");
            w.WriteNumber("return_code", 0);
            w.WriteString("return_msg", "");
            w.WriteStartArray("data");
            foreach (var c in conditions)
            {
                w.WriteStartArray();
                w.WriteStringValue(c.Seq);
                w.WriteStringValue(c.Name);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }));
    }

    private void RequestCondition(WsSession session, JsonElement root)
    {
        // Kiwoom answers nothing to CNSRREQ before CNSRLST on the same connection (PROTOCOL.md 8).
        if (!session.ConditionsListed)
        {
            return;
        }

        var seq = Str(root, "seq");
        var condition = session.Account!.Conditions.FirstOrDefault(c => c.Seq == seq);
        if (condition is null)
        {
            session.Enqueue(Json(w =>
            {
                w.WriteString("trnm", "CNSRREQ");
                w.WriteString("seq", seq);
                w.WriteNumber("return_code", 1);
                w.WriteString("return_msg", "조건검색식이 존재하지 않습니다");
            }));
            return;
        }

        var matches = _engine.Read(u => ConditionEvaluator.Matches(condition, u).Select(i => Snapshot(i)).ToArray());
        if (Str(root, "search_type") == "1")
        {
            lock (_gate)
            {
                session.RealtimeConditions[seq] = matches.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
            }

            session.Enqueue(Json(w =>
            {
                w.WriteString("trnm", "CNSRREQ");
                w.WriteString("seq", seq);
                w.WriteNumber("return_code", 0);
                w.WriteString("return_msg", "");
                w.WriteStartArray("data");
                foreach (var m in matches)
                {
                    w.WriteStartObject();
                    w.WriteString("jmcode", "A" + m.Code);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
            return;
        }

        var offset = Str(root, "cont_yn") == "Y" && int.TryParse(Str(root, "next_key"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var page = matches.Skip(offset).Take(ConditionPageSize).ToArray();
        var more = offset + page.Length < matches.Length;
        session.Enqueue(Json(w =>
        {
            w.WriteString("trnm", "CNSRREQ");
            w.WriteString("seq", seq);
            w.WriteString("cont_yn", more ? "Y" : "N");
            w.WriteString("next_key", more ? (offset + page.Length).ToString(CultureInfo.InvariantCulture) : "");
            w.WriteNumber("return_code", 0);
            w.WriteString("return_msg", "");
            w.WriteStartArray("data");
            foreach (var m in page)
            {
                w.WriteStartObject();
                w.WriteString("9001", "A" + m.Code);
                w.WriteString("302", m.Name);
                w.WriteString("10", FieldRenderer.Pad(m.Last, 9));
                w.WriteString("25", m.Sign.ToString());
                w.WriteString("11", FieldRenderer.Pad(m.Change, 9));
                w.WriteString("12", FieldRenderer.Pad((long)(m.Rate * 100), 9));
                w.WriteString("13", FieldRenderer.Pad(m.Volume, 9));
                w.WriteString("16", FieldRenderer.Pad(m.Open, 9));
                w.WriteString("17", FieldRenderer.Pad(m.High, 9));
                w.WriteString("18", FieldRenderer.Pad(m.Low, 9));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }));
    }

    private void ClearCondition(WsSession session, string seq)
    {
        bool removed;
        lock (_gate)
        {
            removed = session.RealtimeConditions.Remove(seq);
        }

        session.Enqueue(Json(w =>
        {
            w.WriteString("trnm", "CNSRCLR");
            w.WriteString("seq", seq);
            w.WriteNumber("return_code", removed ? 0 : 1);
            w.WriteString("return_msg", removed ? "" : "실시간 조건검색이 등록되어 있지 않습니다");
        }));
    }

    /// <summary>Re-runs every realtime condition and pushes type 02 inserts (I) and deletes (D). Under the market gate.</summary>
    private void RefreshConditions()
    {
        List<(WsSession Session, string Seq, SavedCondition Condition, HashSet<string> Current)> work = [];
        lock (_gate)
        {
            foreach (var s in _sessions.Values)
            {
                foreach (var (seq, current) in s.RealtimeConditions)
                {
                    if (s.Account?.Conditions.FirstOrDefault(c => c.Seq == seq) is { } condition)
                    {
                        work.Add((s, seq, condition, current));
                    }
                }
            }
        }

        if (work.Count == 0)
        {
            return;
        }

        var time = KoreaTime.Now(_engine.Clock).ToString("HHmmss", CultureInfo.InvariantCulture);
        foreach (var (session, seq, condition, current) in work)
        {
            var now = ConditionEvaluator.Matches(condition, _engine.Universe).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
            List<(string Code, string Flag)> changes = [];
            lock (_gate)
            {
                changes.AddRange(now.Where(c => !current.Contains(c)).Order(StringComparer.Ordinal).Select(c => (c, "I")));
                changes.AddRange(current.Where(c => !now.Contains(c)).Order(StringComparer.Ordinal).Select(c => (c, "D")));
                current.Clear();
                current.UnionWith(now);
            }

            foreach (var (code, flag) in changes)
            {
                var frame = _frames.Build("02", code, fid => fid switch { 841 => seq, 9001 => code, 843 => flag, 20 => time, 907 => "2", _ => null });
                if (session.Enqueue(frame))
                {
                    _metrics.FramesSent(1);
                }
            }
        }
    }

    private void Detach(WsSession session)
    {
        _sessions.TryRemove(session.Id, out _);
        lock (_gate)
        {
            foreach (var pair in session.Groups.Values.SelectMany(g => g).ToArray())
            {
                Unsubscribe(session, pair);
            }

            session.Groups.Clear();
            session.RealtimeConditions.Clear();
            if (session.AppKey is { } key && _byAppKey.GetValueOrDefault(key) == session)
            {
                _byAppKey.Remove(key);
            }
        }
    }

    private async Task WriteLoopAsync(WsSession session, CancellationToken ct)
    {
        await foreach (var frame in session.Outbox.Reader.ReadAllAsync(ct))
        {
            if (ReferenceEquals(frame, WsSession.CloseMarker))
            {
                if (session.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await session.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by server", ct);
                }

                // The reader ends when the client answers the close; a client that never does is cut off.
                // This is a transport timeout in real time, not simulated market time.
                session.Stop.CancelAfter(TimeSpan.FromSeconds(2));
                return;
            }

            Interlocked.Decrement(ref session.Pending);
            await session.Socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
    }

    private async Task PingLoopAsync(WsSession session, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.PingInterval, _engine.Clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (Interlocked.Increment(ref session.OutstandingPings) > _options.MissedPingsBeforeClose)
            {
                session.EnqueueFinal(SystemFrame("R10002", "사용자 프로그램으로부터 Heartbeat(연결유지) 메시지가 오지않아서 접속을 종료합니다"));
                return;
            }

            session.Enqueue(PingFrame);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or global::System.Threading.Channels.ChannelClosedException)
        {
            // The socket is going away; its loops end however the transport reports it.
        }
    }

    private static QuoteSnapshot Snapshot(Instrument i) => new(i.Code, i.Name, i.Last, i.SignCode, i.Change, i.ChangeRate, i.Volume, i.Open, i.High, i.Low);

    private static byte[] SystemFrame(string code, string message) => Json(w =>
    {
        w.WriteString("trnm", "SYSTEM");
        w.WriteString("code", code);
        w.WriteString("message", message);
    });

    private static byte[] Ack(string trnm, int code, string message) => Json(w =>
    {
        w.WriteString("trnm", trnm);
        w.WriteNumber("return_code", code);
        w.WriteString("return_msg", message);
    });

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, ResponseComposer.WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText() : "";

    /// <summary>item/type are arrays of strings per the spec; a plain string is accepted too (some clients send one).</summary>
    private static List<string> Strings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? "").ToList(),
            JsonValueKind.String => [v.GetString() ?? ""],
            _ => [],
        };
    }
}
