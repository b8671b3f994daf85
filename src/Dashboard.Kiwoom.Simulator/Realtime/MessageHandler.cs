using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// Answers what a client sends on the socket: PING echoes, LOGIN (8005 and the duplicate-login R10001),
/// REG/REMOVE, the condition-search messages, and R10004 for anything before LOGIN.
/// </summary>
internal sealed class MessageHandler(TokenStore tokens, AccountBook accounts, SubscriptionTable table, ConditionSearch conditions)
{
    public void Handle(WsSession session, ReadOnlySpan<byte> message)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException)
        {
            session.Enqueue(ProtocolFrames.System("R10003", "메시지 형식이 올바르지 않습니다"));
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
                    Login(session, ProtocolFrames.Str(root, "token"));
                    return;
            }

            if (!session.LoggedIn)
            {
                session.Enqueue(ProtocolFrames.System("R10004", "접속허용요청이 들어오지 않았습니다"));
                return;
            }

            switch (trnm)
            {
                case "REG":
                case "REMOVE":
                    Register(session, root, trnm == "REG");
                    break;
                case "CNSRLST":
                    conditions.List(session);
                    break;
                case "CNSRREQ":
                    conditions.Request(session, root);
                    break;
                case "CNSRCLR":
                    conditions.Clear(session, ProtocolFrames.Str(root, "seq"));
                    break;
                default:
                    session.Enqueue(ProtocolFrames.Json(w =>
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
        if (tokens.Validate(token, out var issued) is { } error)
        {
            var code = error.Message[(error.Message.IndexOf('[', StringComparison.Ordinal) + 1)..error.Message.IndexOf(':', StringComparison.Ordinal)];
            var text = error.Message[(error.Message.IndexOf(':', StringComparison.Ordinal) + 1)..^1];
            session.EnqueueFinal(ProtocolFrames.Json(w =>
            {
                w.WriteString("trnm", "LOGIN");
                w.WriteNumber("return_code", 3);
                w.WriteString("return_msg", $"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE={code}, MESSAGE={text}]");
            }));
            return;
        }

        var older = table.Bind(session, issued!.AppKey, accounts.For(issued.AppKey));
        older?.EnqueueFinal(ProtocolFrames.System("R10001", "동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"));
        session.Enqueue(ProtocolFrames.Json(w =>
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
        var group = ProtocolFrames.Str(root, "grp_no");
        if (group.Length is 0 or > 4 || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            session.Enqueue(ProtocolFrames.Ack(trnm, 1, group.Length is 0 or > 4 ? "grp_no 값이 올바르지 않습니다" : "data 값이 올바르지 않습니다"));
            return;
        }

        var pairs = new List<(string Type, string Item)>();
        foreach (var entry in data.EnumerateArray())
        {
            var types = ProtocolFrames.Strings(entry, "type");
            var items = ProtocolFrames.Strings(entry, "item");
            if (types.Count == 0)
            {
                session.Enqueue(ProtocolFrames.Ack(trnm, 1, "type 값이 존재하지 않습니다"));
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
                    session.Enqueue(ProtocolFrames.Ack(trnm, 1, $"지원하지 않는 실시간 항목입니다. type={type}"));
                    return;
                }

                pairs.AddRange(items.Select(item => (type, item.Trim())));
            }
        }

        table.Apply(session, group, pairs, register, replace: ProtocolFrames.Str(root, "refresh") == "0");
        session.Enqueue(ProtocolFrames.Ack(trnm, 0, ""));
    }
}
