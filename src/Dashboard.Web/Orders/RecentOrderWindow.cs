namespace Dashboard.Web.Orders;

/// <summary>
/// Each member's orders (not cancels) created in the last minute, kept by the single audit writer on SQLite, where this
/// process is the database file's one writer (as for the chain end it keeps): the orders-per-minute check (SEC-20) counts
/// from memory instead of a grouped count over the intents in every run that holds a new intent. A member's times are read
/// from the database once, the first time they order; after that the window follows the intents the writer adds. A batch
/// that fails makes the writer forget every member (the intents it added were never written): the next run reads again.
/// Touched by the running writer only, one batch at a time.
/// </summary>
internal sealed class RecentOrderWindow
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> members = new(StringComparer.Ordinal);

    public bool Knows(string memberId) => members.ContainsKey(memberId);

    /// <summary>The member's orders of the last minute as the database holds them (this batch's so far included).</summary>
    public void Seed(string memberId, IEnumerable<DateTimeOffset> createdAt) => members[memberId] = new Queue<DateTimeOffset>(createdAt.Order());

    /// <summary>The member's orders created after <paramref name="minuteAgo"/>; older ones are let go.</summary>
    public int Count(string memberId, DateTimeOffset minuteAgo)
    {
        var times = members[memberId];
        while (times.Count > 0 && times.Peek() <= minuteAgo)
        {
            times.Dequeue();
        }

        return times.Count(t => t > minuteAgo);
    }

    /// <summary>An order the writer added for a member it knows (one it does not know is read with its others when it is next needed).</summary>
    public void Added(string memberId, DateTimeOffset createdAt)
    {
        if (members.TryGetValue(memberId, out var times))
        {
            times.Enqueue(createdAt);
        }
    }

    public void Forget() => members.Clear();
}
