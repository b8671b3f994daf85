using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker.TeamQuotes;
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
    private readonly IUpstreamRouter router;

    // Null unless Broker:SharedQuotes: then the sessions of one market share their quote registrations.
    private readonly TeamQuoteSources? teamQuotes;
    private readonly SemaphoreSlim creating = new(1, 1);
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
        ILoggerFactory loggers,
        IUpstreamRouter? router = null,
        TeamQuoteSources? teamQuotes = null)
    {
        this.router = router ?? new LocalUpstreamRouter();
        this.teamQuotes = options.Value.SharedQuotes ? teamQuotes : null;
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
            return entries.TryGetValue(keyId, out var entry) ? entry.Local : null;
        }
    }

    /// <summary>Whether this instance's session of a credential is served by another instance (several instances).</summary>
    public bool IsRemote(string keyId)
    {
        lock (gate)
        {
            return entries.TryGetValue(keyId, out var entry) && entry.Local is null;
        }
    }

    /// <summary>
    /// A session of this instance for the router's own use (several instances: the new holder of a key whose
    /// previous holder stopped). It is not shared with circuits, which keep reaching it through Redis.
    /// </summary>
    internal BrokerSession CreateUpstream(KiwoomCredential credential)
    {
        var session = new BrokerSession(credential, rest, realtimeClients.Create(credential), options, metrics, time, loggers.CreateLogger<BrokerSession>(), teamQuotes);
        metrics.SessionOpened();
        BrokerLog.SessionOpened(logger, credential.KeyId, credential.Environment);
        session.Start();
        return session;
    }

    internal async Task CloseUpstreamAsync(BrokerSession session)
    {
        try
        {
            await session.DisposeAsync();
            BrokerLog.SessionClosed(logger, session.KeyId);
        }
        finally
        {
            metrics.SessionClosed();
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

        Entry? entry;
        var created = false;

        // One opening at a time: asking the router (Redis, several instances) is asynchronous, and two circuits of
        // one key must not both claim it. Opening is rare (once per key), so one gate for all keys is enough.
        await creating.WaitAsync(ct);
        try
        {
            if (!TryJoin(credential, out entry, out var refusal))
            {
                return refusal;
            }

            if (entry is null)
            {
                var claim = await router.ClaimAsync(credential, ct);
                lock (gate)
                {
                    ObjectDisposedException.ThrowIf(disposed, this);
                    entry = claim.Remote is { } remote
                        ? new Entry(credential, remote, null)
                        : NewLocalEntry(credential);
                    entries.Add(credential.KeyId, entry);
                    entry.Leases++;
                    created = true;
                }
            }
        }
        finally
        {
            creating.Release();
        }

        if (created)
        {
            metrics.SessionOpened();
            BrokerLog.SessionOpened(logger, credential.KeyId, credential.Environment);
            if (entry.Local is { } local)
            {
                local.Start();
                router.Opened(local);
            }
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
    private void MarkVerifiedWhenLive(IBrokerSession session, string ownerId, Guid connectionId)
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

        // Every session closes now: moving the team's quotes from one closing session to the next would be wasted.
        teamQuotes?.Stop();

        foreach (var entry in open)
        {
            entry.Grace?.Dispose();
            await entry.DisposeSessionAsync();
            metrics.SessionClosed();
        }

        // After the sockets closed: give back every key this instance held, so another instance takes them at once.
        await router.StopAsync();
    }

    private bool TryJoin(KiwoomCredential credential, out Entry? entry, out BrokerOpenResult refusal)
    {
        refusal = default!;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!entries.TryGetValue(credential.KeyId, out entry))
            {
                return true;
            }

            if (!entry.HasSameSecret(credential))
            {
                BrokerLog.KeyConflict(logger, credential.KeyId);
                refusal = new BrokerOpenResult(null, BrokerLinkState.Failed, BrokerRefusals.KeyConflict);
                entry = null;
                return false;
            }

            entry.Leases++;
            entry.Grace?.Dispose();
            entry.Grace = null;
            return true;
        }
    }

    private Entry NewLocalEntry(KiwoomCredential credential)
    {
        var realtime = realtimeClients.Create(credential);
        var session = new BrokerSession(credential, rest, realtime, options, metrics, time, loggers.CreateLogger<BrokerSession>(), teamQuotes);
        return new Entry(credential, session, session);
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
            await entry.DisposeSessionAsync();
            BrokerLog.SessionClosed(logger, entry.Session.KeyId);
            if (entry.Local is not null)
            {
                await router.ReleasedAsync(entry.Session.KeyId);
            }
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

    internal sealed class Entry(KiwoomCredential credential, IBrokerSession session, BrokerSession? local)
    {
        public IBrokerSession Session { get; } = session;

        /// <summary>The session when this instance holds the key's upstream; null when another instance serves it.</summary>
        public BrokerSession? Local { get; } = local;

        /// <summary>Whether <paramref name="other"/> carries the same secret as this entry's credential (constant time).</summary>
        public bool HasSameSecret(KiwoomCredential other) =>
            System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(credential.SecretKey), System.Text.Encoding.UTF8.GetBytes(other.SecretKey));

        public ValueTask DisposeSessionAsync() => Local is { } local ? local.DisposeAsync() : ((RemoteSession)Session).DisposeAsync();

        public int Leases { get; set; }

        public ITimer? Grace { get; set; }
    }
}
