using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Connections;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Broker;

/// <summary>
/// The process-wide sessions, one per broker credential (app key and environment: Kiwoom closes the
/// older socket when one key logs in twice). Circuits take leases; the last lease released starts a grace
/// period after which the session and its socket close. Nothing is persisted: after a restart the first
/// circuit that asks opens the session again.
/// </summary>
public sealed class BrokerSessionRegistry : IAsyncDisposable
{
    private readonly ConnectionService connections;
    private readonly KiwoomRestClient rest;
    private readonly KiwoomRealtimeClientFactory realtimeClients;
    private readonly BrokerOptions options;
    private readonly BrokerMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private bool disposed;

    public BrokerSessionRegistry(
        ConnectionService connections,
        KiwoomRestClient rest,
        KiwoomRealtimeClientFactory realtimeClients,
        IOptions<BrokerOptions> options,
        BrokerMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        this.connections = connections;
        this.rest = rest;
        this.realtimeClients = realtimeClients;
        this.options = options.Value;
        this.metrics = metrics;
        this.time = time;
        this.loggers = loggers;
        logger = loggers.CreateLogger<BrokerSessionRegistry>();
    }

    /// <summary>Open sessions, including those in their grace period.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The open session of a credential, if any (for operations and tests; circuits use leases).</summary>
    public BrokerSession? Find(string keyId)
    {
        lock (gate)
        {
            return entries.TryGetValue(keyId, out var entry) ? entry.Session : null;
        }
    }

    /// <summary>
    /// Leases the session of <paramref name="ownerId"/>'s connection <paramref name="connectionId"/>,
    /// opening it on first use. The caller must act for that owner (the circuit's signed-in member, or
    /// the order service acting for the member whose order it handles). Kiwoom allows one socket per app
    /// key, so two connections with the same key share one session — but only when they carry the same
    /// secret: a session trades and reads fills as the key's owner, so a member who merely knows (or
    /// guessed) someone's app key is refused instead of silently joined.
    /// </summary>
    public async Task<BrokerOpenResult> OpenAsync(string ownerId, Guid connectionId, CancellationToken ct = default)
    {
        var unlock = await connections.UnlockForOwnerAsync(ownerId, connectionId, ct);
        if (unlock.Credential is not { } credential)
        {
            return new BrokerOpenResult(null, unlock.NeedsReentry ? BrokerLinkState.NeedsReentry : BrokerLinkState.NoConnection);
        }

        Entry entry;
        var created = false;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (entries.TryGetValue(credential.KeyId, out entry!))
            {
                if (!entry.Session.HasSameSecret(credential))
                {
                    BrokerLog.KeyConflict(logger, credential.KeyId);
                    return new BrokerOpenResult(null, BrokerLinkState.Failed, BrokerRefusals.KeyConflict);
                }
            }
            else
            {
                var realtime = realtimeClients.Create(credential);
                var session = new BrokerSession(credential, rest, realtime, options, metrics, time, loggers.CreateLogger<BrokerSession>());
                entry = new Entry(session);
                entries.Add(credential.KeyId, entry);
                created = true;
            }

            entry.Leases++;
            entry.Grace?.Dispose();
            entry.Grace = null;
        }

        if (created)
        {
            metrics.SessionOpened();
            BrokerLog.SessionOpened(logger, credential.KeyId, credential.Environment);
            entry.Session.Start();
        }

        if (!unlock.Verified)
        {
            MarkVerifiedWhenLive(entry.Session, ownerId, connectionId);
        }

        return new BrokerOpenResult(new BrokerLease(this, entry), BrokerLinkState.Connected);
    }

    /// <summary>
    /// A session that goes live proves its keys (token issued, socket LOGIN accepted), so the connection
    /// stops saying "unverified" while it plainly works. Marked once, on the first Connected state.
    /// </summary>
    private void MarkVerifiedWhenLive(BrokerSession session, string ownerId, Guid connectionId)
    {
        var marked = 0;
        void Mark()
        {
            if (Interlocked.Exchange(ref marked, 1) == 0)
            {
                session.StatusChanged -= OnStatus;
                _ = MarkAsync();
            }
        }

        void OnStatus(BrokerStatus status)
        {
            if (status.State == BrokerLinkState.Connected)
            {
                Mark();
            }
        }

        async Task MarkAsync()
        {
            try
            {
                await connections.MarkLiveAsync(ownerId, connectionId);
            }
            catch (Exception ex)
            {
                // Only the label is at stake; the session itself is fine.
                BrokerLog.MarkVerifiedFailed(logger, ex, session.KeyId);
            }
        }

        session.StatusChanged += OnStatus;
        if (session.Status.State == BrokerLinkState.Connected)
        {
            Mark();
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Entry> open;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            open = [.. entries.Values];
            entries.Clear();
        }

        foreach (var entry in open)
        {
            entry.Grace?.Dispose();
            await entry.Session.DisposeAsync();
            metrics.SessionClosed();
        }
    }

    internal void Release(Entry entry)
    {
        lock (gate)
        {
            if (disposed || --entry.Leases > 0)
            {
                return;
            }

            var timer = time.CreateTimer(_ => _ = ExpireAsync(entry), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            entry.Grace = timer;
            timer.Change(options.GracePeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ExpireAsync(Entry entry)
    {
        lock (gate)
        {
            if (disposed || entry.Leases > 0 || !entries.TryGetValue(entry.Session.KeyId, out var current) || current != entry)
            {
                return;
            }

            entries.Remove(entry.Session.KeyId);
            entry.Grace?.Dispose();
            entry.Grace = null;
        }

        try
        {
            await entry.Session.DisposeAsync();
            BrokerLog.SessionClosed(logger, entry.Session.KeyId);
        }
        catch (Exception ex)
        {
            // A timer callback has nobody to throw to: record it, the session is out of the registry either way.
            BrokerLog.CloseFailed(logger, ex, entry.Session.KeyId);
        }
        finally
        {
            metrics.SessionClosed();
        }
    }

    internal sealed class Entry(BrokerSession session)
    {
        public BrokerSession Session { get; } = session;

        public int Leases { get; set; }

        public ITimer? Grace { get; set; }
    }
}
