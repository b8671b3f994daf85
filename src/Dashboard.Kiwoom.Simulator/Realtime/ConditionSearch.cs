using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// Condition search over the socket (PROTOCOL.md 8): CNSRLST lists the account's saved conditions, CNSRREQ runs
/// one once (paged) or in realtime, CNSRCLR stops a realtime one, and every simulated second the realtime ones
/// are re-run and their entries and exits pushed as type 02.
/// </summary>
internal sealed class ConditionSearch(MarketEngine engine, SubscriptionTable table, FrameBuilder frames, SimulatorMetrics metrics)
{
    private const int PageSize = 50;

    public void List(WsSession session)
    {
        session.ConditionsListed = true;
        var conditions = session.Account!.Conditions;
        session.Enqueue(ProtocolFrames.Json(w =>
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

    public void Request(WsSession session, JsonElement root)
    {
        // Kiwoom answers nothing to CNSRREQ before CNSRLST on the same connection (PROTOCOL.md 8).
        if (!session.ConditionsListed)
        {
            return;
        }

        var seq = ProtocolFrames.Str(root, "seq");
        var condition = session.Account!.Conditions.FirstOrDefault(c => c.Seq == seq);
        if (condition is null)
        {
            session.Enqueue(ProtocolFrames.Json(w =>
            {
                w.WriteString("trnm", "CNSRREQ");
                w.WriteString("seq", seq);
                w.WriteNumber("return_code", 1);
                w.WriteString("return_msg", "조건검색식이 존재하지 않습니다");
            }));
            return;
        }

        var matches = engine.Read(u => ConditionEvaluator.Matches(condition, u).Select(Snapshot).ToArray());
        if (ProtocolFrames.Str(root, "search_type") == "1")
        {
            lock (table.Gate)
            {
                session.RealtimeConditions[seq] = matches.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
            }

            session.Enqueue(ProtocolFrames.Json(w =>
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

        var offset = ProtocolFrames.Str(root, "cont_yn") == "Y" && int.TryParse(ProtocolFrames.Str(root, "next_key"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var page = matches.Skip(offset).Take(PageSize).ToArray();
        var more = offset + page.Length < matches.Length;
        session.Enqueue(ProtocolFrames.Json(w =>
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

    public void Clear(WsSession session, string seq)
    {
        bool removed;
        lock (table.Gate)
        {
            removed = session.RealtimeConditions.Remove(seq);
        }

        session.Enqueue(ProtocolFrames.Json(w =>
        {
            w.WriteString("trnm", "CNSRCLR");
            w.WriteString("seq", seq);
            w.WriteNumber("return_code", removed ? 0 : 1);
            w.WriteString("return_msg", removed ? "" : "실시간 조건검색이 등록되어 있지 않습니다");
        }));
    }

    /// <summary>Re-runs every realtime condition and pushes type 02 inserts (I) and deletes (D). Under the market gate.</summary>
    public void Refresh()
    {
        List<(WsSession Session, string Seq, SavedCondition Condition, HashSet<string> Current)> work = [];
        lock (table.Gate)
        {
            foreach (var s in table.Sessions)
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

        var time = KoreaTime.Now(engine.Clock).ToString("HHmmss", CultureInfo.InvariantCulture);
        foreach (var (session, seq, condition, current) in work)
        {
            var now = ConditionEvaluator.Matches(condition, engine.Universe).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
            List<(string Code, string Flag)> changes = [];
            lock (table.Gate)
            {
                changes.AddRange(now.Where(c => !current.Contains(c)).Order(StringComparer.Ordinal).Select(c => (c, "I")));
                changes.AddRange(current.Where(c => !now.Contains(c)).Order(StringComparer.Ordinal).Select(c => (c, "D")));
                current.Clear();
                current.UnionWith(now);
            }

            foreach (var (code, flag) in changes)
            {
                var frame = frames.Build("02", code, fid => fid switch { 841 => seq, 9001 => code, 843 => flag, 20 => time, 907 => "2", _ => null });
                if (session.Enqueue(frame))
                {
                    metrics.FramesSent(1);
                }
            }
        }
    }

    private static QuoteSnapshot Snapshot(Instrument i) => new(i.Code, i.Name, i.Last, i.SignCode, i.Change, i.ChangeRate, i.Volume, i.Open, i.High, i.Low);
}
