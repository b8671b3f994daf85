using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Conditions;

/// <summary>
/// The state of one watched condition: the stocks that match now (with when each entered, null for those
/// already matching when the watch began) and the latest entries and exits, newest first. A snapshot
/// (the start, or a reconnect) replaces the set; exits it implies are recorded too, so a stock that left
/// while the socket was down still shows as gone.
/// </summary>
public sealed class ConditionBoard(int maxEvents = 100)
{
    private readonly Dictionary<string, ConditionMember> members = new(StringComparer.Ordinal);
    private readonly LinkedList<ConditionEvent> events = new();

    /// <summary>Matching stocks, latest entries first, then the starting set by code.</summary>
    public IReadOnlyList<ConditionMember> Members =>
        [.. members.Values.OrderByDescending(m => m.EnteredAt.HasValue).ThenByDescending(m => m.EnteredAt).ThenBy(m => m.Code, StringComparer.Ordinal)];

    public IReadOnlyCollection<ConditionEvent> Events => events;

    public int Count => members.Count;

    public bool Contains(string code) => members.ContainsKey(code);

    /// <summary>Forgets everything, for the next watch.</summary>
    public void Reset()
    {
        members.Clear();
        events.Clear();
    }

    /// <summary>Applies one change; <paramref name="now"/> (Korea time) stands in when a push carries no time.</summary>
    public ConditionDelta Apply(ConditionChange change, TimeOnly now)
    {
        var time = change.Time ?? now;
        List<string> added = [], removed = [];
        switch (change.Kind)
        {
            case ConditionChangeKind.Snapshot:
                var current = change.Codes.Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in members.Keys.Where(c => !current.Contains(c)).ToList())
                {
                    members.Remove(gone);
                    removed.Add(gone);
                    Record(new ConditionEvent(gone, ConditionChangeKind.Deleted, time));
                }

                var first = members.Count == 0 && events.Count == 0;
                foreach (var code in current.Where(c => !members.ContainsKey(c)))
                {
                    // Stocks matching when the watch begins did not "enter" now; after a reconnect they did.
                    members[code] = new ConditionMember(code, first ? null : time);
                    added.Add(code);
                    if (!first)
                    {
                        Record(new ConditionEvent(code, ConditionChangeKind.Inserted, time));
                    }
                }

                break;
            case ConditionChangeKind.Inserted:
                foreach (var code in change.Codes.Where(c => c.Length > 0 && !members.ContainsKey(c)))
                {
                    members[code] = new ConditionMember(code, time);
                    added.Add(code);
                    Record(new ConditionEvent(code, ConditionChangeKind.Inserted, time));
                }

                break;
            case ConditionChangeKind.Deleted:
                foreach (var code in change.Codes.Where(members.ContainsKey))
                {
                    members.Remove(code);
                    removed.Add(code);
                    Record(new ConditionEvent(code, ConditionChangeKind.Deleted, time));
                }

                break;
        }

        return new ConditionDelta(added, removed);
    }

    private void Record(ConditionEvent e)
    {
        events.AddFirst(e);
        while (events.Count > maxEvents)
        {
            events.RemoveLast();
        }
    }
}
