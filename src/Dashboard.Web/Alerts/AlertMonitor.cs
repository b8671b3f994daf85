using Dashboard.Web.Broker;

namespace Dashboard.Web.Alerts;

/// <summary>
/// The server's alert evaluation: one runner per member, alive while at least one of the member's circuits
/// with a live broker session is attached (so a member with three tabs is evaluated once, and alerts fire
/// once). With nothing attached nothing is evaluated — the alerts page says so.
/// </summary>
public sealed class AlertMonitor : IAsyncDisposable
{
    private readonly AlertService alerts;
    private readonly TimeProvider time;
    private readonly ILogger<AlertMonitor> logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Member> members = new(StringComparer.Ordinal);

    public AlertMonitor(AlertService alerts, TimeProvider time, ILogger<AlertMonitor> logger)
    {
        this.alerts = alerts;
        this.time = time;
        this.logger = logger;
        alerts.RulesChanged += OnRulesChanged;
    }

    /// <summary>True while the member's alerts are being evaluated.</summary>
    public bool IsWatching(string ownerId)
    {
        lock (gate)
        {
            return members.ContainsKey(ownerId);
        }
    }

    /// <summary>Why the member's feeds could not be opened, when they could not.</summary>
    public string? ProblemOf(string ownerId)
    {
        lock (gate)
        {
            return members.GetValueOrDefault(ownerId)?.Runner.Problem;
        }
    }

    /// <summary>Starts (or joins) the member's evaluation on <paramref name="session"/>; dispose the handle to leave.</summary>
    public async Task<IAsyncDisposable> AttachAsync(string ownerId, IBrokerSession session, Action<AlertNotice> listener, CancellationToken ct = default)
    {
        Member member;
        bool first;
        lock (gate)
        {
            first = !members.TryGetValue(ownerId, out var known);
            member = known ?? new Member(new MemberAlertRunner(ownerId, session, alerts, time, logger));
            lock (member.Listeners)
            {
                member.Listeners.Add(listener);
            }

            if (first)
            {
                members[ownerId] = member;
                member.Runner.Fired += notice => member.Announce(notice, logger);
            }
        }

        if (first)
        {
            await member.Runner.ReloadAsync(ct);
        }

        return new Attachment(this, ownerId, member, listener);
    }

    public async ValueTask DisposeAsync()
    {
        alerts.RulesChanged -= OnRulesChanged;
        List<Member> all;
        lock (gate)
        {
            all = [.. members.Values];
            members.Clear();
        }

        foreach (var member in all)
        {
            await member.Runner.DisposeAsync();
        }
    }

    private void OnRulesChanged(string ownerId)
    {
        MemberAlertRunner? runner;
        lock (gate)
        {
            runner = members.GetValueOrDefault(ownerId)?.Runner;
        }

        if (runner is not null)
        {
            _ = ReloadAsync(runner);
        }
    }

    private async Task ReloadAsync(MemberAlertRunner runner)
    {
        try
        {
            await runner.ReloadAsync();
        }
        catch (Exception ex)
        {
            AlertLog.ReloadFailed(logger, ex);
        }
    }

    private async ValueTask DetachAsync(string ownerId, Member member, Action<AlertNotice> listener)
    {
        bool last;
        lock (gate)
        {
            lock (member.Listeners)
            {
                member.Listeners.Remove(listener);
                last = member.Listeners.Count == 0 && members.GetValueOrDefault(ownerId) == member;
            }

            if (last)
            {
                members.Remove(ownerId);
            }
        }

        if (last)
        {
            await member.Runner.DisposeAsync();
        }
    }

    private sealed class Member(MemberAlertRunner runner)
    {
        public MemberAlertRunner Runner { get; } = runner;

        public List<Action<AlertNotice>> Listeners { get; } = [];

        public void Announce(AlertNotice notice, ILogger logger)
        {
            List<Action<AlertNotice>> current;
            lock (Listeners)
            {
                current = [.. Listeners];
            }

            foreach (var listener in current)
            {
                try
                {
                    listener(notice);
                }
                catch (Exception ex)
                {
                    AlertLog.ListenerFailed(logger, ex);
                }
            }
        }
    }

    private sealed class Attachment(AlertMonitor monitor, string ownerId, Member member, Action<AlertNotice> listener) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref disposed, 1) == 0 ? monitor.DetachAsync(ownerId, member, listener) : ValueTask.CompletedTask;
    }
}
