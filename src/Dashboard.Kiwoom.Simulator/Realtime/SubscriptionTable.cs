using System.Collections.Concurrent;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// Who is connected and who wants what: open sessions, the logged-in session of each app key, and the sessions
/// subscribed to each (type, item). Readers on the market thread look subscribers up without locking; changes
/// to groups, logins and condition searches take <see cref="Gate"/>.
/// </summary>
internal sealed class SubscriptionTable
{
    private readonly ConcurrentDictionary<(string Type, string Item), WsSession[]> _subscribers = new();
    private readonly ConcurrentDictionary<long, WsSession> _sessions = new();
    private readonly Dictionary<string, WsSession> _byAppKey = new(StringComparer.Ordinal);

    /// <summary>Guards session groups, realtime conditions and the app-key map.</summary>
    public object Gate { get; } = new();

    public int SessionCount => _sessions.Count;

    public IEnumerable<WsSession> Sessions => _sessions.Values;

    public bool IsEmpty => _subscribers.IsEmpty;

    /// <summary>Every (type, item) with at least one subscriber, for the periodic feeds.</summary>
    public IEnumerable<KeyValuePair<(string Type, string Item), WsSession[]>> Subscriptions => _subscribers;

    public void Open(WsSession session) => _sessions[session.Id] = session;

    public bool TryGet(string type, string item, out WsSession[] sessions) =>
        _subscribers.TryGetValue((type, item), out sessions!) && sessions.Length > 0;

    /// <summary>Makes the session the app key's live one and returns the session it replaces, if any.</summary>
    public WsSession? Bind(WsSession session, string appKey, Accounts.Account account)
    {
        lock (Gate)
        {
            var older = _byAppKey.GetValueOrDefault(appKey);
            session.AppKey = appKey;
            session.Account = account;
            _byAppKey[appKey] = session;
            return older == session ? null : older;
        }
    }

    /// <summary>The live session of an app key if it registered the type (00/04 go only where they were asked for).</summary>
    public WsSession? AccountSession(string appKey, string type)
    {
        lock (Gate)
        {
            var target = _byAppKey.GetValueOrDefault(appKey);
            return target is not null && target.Wants(type) ? target : null;
        }
    }

    /// <summary>Applies a REG or REMOVE of one group.</summary>
    /// <param name="replace">REG with refresh "0": what this group held before is released and replaced (PROTOCOL.md 6.5; group-scoped here).</param>
    public void Apply(WsSession session, string group, IReadOnlyList<(string Type, string Item)> pairs, bool register, bool replace)
    {
        lock (Gate)
        {
            if (!session.Groups.TryGetValue(group, out var registered))
            {
                registered = [];
                session.Groups[group] = registered;
            }

            if (register && replace)
            {
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
    }

    /// <summary>Forgets a closed session: its subscriptions, condition searches and app-key binding.</summary>
    public void Close(WsSession session)
    {
        _sessions.TryRemove(session.Id, out _);
        lock (Gate)
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
}
