using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker.TeamQuotes;

/// <summary>
/// The shared team quote feed (<c>Broker:SharedQuotes</c>): per market, every member's public quote feeds
/// hang on the realtime client of ONE live session of that market (the source), so the upstream carries one
/// registration per (type, item) however many members watch it. Every local session of the market is a
/// candidate; none is kept open for this (no lease is taken), so when the source closes or drops, its
/// registrations move to another candidate and the members' feed objects stay. Fills, balances, VI,
/// orders and rate budgets never come here: they stay on each member's own session.
/// </summary>
public sealed class TeamQuoteSources(ILogger<TeamQuoteSources> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<TeamQuoteMarket, Market> markets = [];
    private bool stopped;

    /// <summary>
    /// The source of a market reconnected or changed: quotes may have moved meanwhile, so the other sessions
    /// re-read their snapshots (the source re-reads its own on its reconnect).
    /// </summary>
    internal event Action<TeamQuoteMarket, BrokerSession>? Resumed;

    /// <summary>The session the market's shared registrations are on now, if any (operations and tests).</summary>
    internal BrokerSession? SourceOf(TeamQuoteMarket market)
    {
        lock (gate)
        {
            return markets.TryGetValue(market, out var m) ? m.Source?.Session : null;
        }
    }

    /// <summary>A session of <paramref name="market"/> opened here: it may serve the team's quotes.</summary>
    internal void Join(BrokerSession session, TeamQuoteMarket market, KiwoomRealtimeClient client)
    {
        var candidate = new Candidate(session, client);
        lock (gate)
        {
            if (!markets.TryGetValue(market, out var m))
            {
                markets[market] = m = new Market(market);
            }

            m.Candidates.Add(candidate);
            candidate.OnStatus = status => OnStatus(m, candidate, status);
        }

        session.StatusChanged += candidate.OnStatus;
    }

    /// <summary>
    /// A session is closing (before its socket closes): when it is the source, its registrations move to
    /// another session of the market; when none is left, the feeds still on it end.
    /// </summary>
    internal async Task LeaveAsync(BrokerSession session, TeamQuoteMarket market)
    {
        Market? m;
        Candidate? leaving;
        lock (gate)
        {
            if (!markets.TryGetValue(market, out m) || (leaving = m.Candidates.Find(c => c.Session == session)) is null)
            {
                return;
            }

            m.Candidates.Remove(leaving);
        }

        session.StatusChanged -= leaving.OnStatus;
        await m.Turn.WaitAsync();
        try
        {
            if (m.Source == leaving)
            {
                await MoveLockedAsync(m, Choose(m), releasePrevious: false);
            }
        }
        finally
        {
            m.Turn.Release();
        }
    }

    /// <summary>Subscribes <paramref name="target"/> to (type, item) on the market's source, choosing one if needed.</summary>
    internal async Task<KiwoomResult<SharedQuoteSubscription>> SubscribeAsync(TeamQuoteMarket market, string type, string item, IRealtimeSink target, Action<RealtimeEvent> onTick, CancellationToken ct)
    {
        Market? m;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stopped, this);
            if (!markets.TryGetValue(market, out m))
            {
                throw new InvalidOperationException("A session subscribes to team quotes only after joining its market.");
            }
        }

        await m.Turn.WaitAsync(ct);
        try
        {
            if (m.Source is null && Choose(m) is { } chosen)
            {
                m.Source = chosen;
                TeamQuoteLog.SourceChosen(logger, market.Environment, chosen.Session.KeyId);
            }

            if (m.Source is not { } source)
            {
                return new KiwoomError(KiwoomErrorKind.Transport, -1, null, "No live session of this market is open.");
            }

            var shared = new SharedQuoteSubscription(this, market, type, item, target, onTick);
            if (await shared.AttachAsync(source.Client, releasePrevious: false, ct) is { } error)
            {
                return error;
            }

            m.Subscriptions.Add(shared);
            return KiwoomResult<SharedQuoteSubscription>.Success(shared);
        }
        finally
        {
            m.Turn.Release();
        }
    }

    /// <summary>Shutdown: every session closes at once, so nothing moves; the feeds end with their sockets.</summary>
    internal void Stop()
    {
        lock (gate)
        {
            stopped = true;
        }
    }

    private bool IsStopped
    {
        get
        {
            lock (gate)
            {
                return stopped;
            }
        }
    }

    internal async ValueTask ReleaseAsync(SharedQuoteSubscription shared)
    {
        Market? m;
        lock (gate)
        {
            if (!markets.TryGetValue(shared.Market, out m))
            {
                return;
            }
        }

        // Under the market's turn so a move in progress never re-attaches what is being given back.
        await m.Turn.WaitAsync();
        try
        {
            m.Subscriptions.Remove(shared);
            if (IsStopped)
            {
                // Shutdown: the sockets close anyway; a REMOVE each would only wait on them.
                shared.End();
                return;
            }

            await shared.DetachAsync();
        }
        finally
        {
            m.Turn.Release();
        }
    }

    private void OnStatus(Market m, Candidate candidate, BrokerStatus status)
    {
        var connected = status.State == BrokerLinkState.Connected;
        var reconnected = connected && candidate.EverConnected && !candidate.WasConnected;
        candidate.EverConnected |= connected;
        candidate.WasConnected = connected;
        _ = ReconsiderAsync(m, candidate, reconnected);
    }

    /// <summary>The source dropped while another session is live: move there. The source came back: tell the others.</summary>
    private async Task ReconsiderAsync(Market m, Candidate changed, bool reconnected)
    {
        try
        {
            await m.Turn.WaitAsync();
            try
            {
                if (m.Source is not { } source || m.Subscriptions.Count == 0)
                {
                    return;
                }

                if (!source.IsConnected && Choose(m, except: source) is { IsConnected: true } live)
                {
                    await MoveLockedAsync(m, live, releasePrevious: true);
                }
                else if (source == changed && reconnected)
                {
                    Resumed?.Invoke(m.Key, source.Session);
                }
            }
            finally
            {
                m.Turn.Release();
            }
        }
        catch (Exception ex)
        {
            // Runs from a status event with nobody to throw to: the feeds on the lost source end with the
            // reason, so their pages say live prices stopped instead of quietly showing old ones.
            TeamQuoteLog.MoveFailed(logger, "*", "*", changed.Session.KeyId, ex.Message);
            await EndAllAsync(m, changed.Session.KeyId, ex.Message);
        }
    }

    private async Task EndAllAsync(Market m, string keyId, string reason)
    {
        await m.Turn.WaitAsync();
        try
        {
            var count = m.Subscriptions.Count;
            foreach (var shared in m.Subscriptions)
            {
                shared.End(CouldNotMove(shared, reason));
            }

            m.Subscriptions.Clear();
            if (count > 0)
            {
                TeamQuoteLog.FeedsEnded(logger, m.Key.Environment, keyId, count, reason);
            }
        }
        finally
        {
            m.Turn.Release();
        }
    }

    private static string CouldNotMove(SharedQuoteSubscription shared, string reason) =>
        $"Live prices of {shared.Item} stopped: the team's shared quotes could not move to another session ({reason}). Reload the page to subscribe again.";

    private async Task MoveLockedAsync(Market m, Candidate? next, bool releasePrevious)
    {
        var from = m.Source;
        m.Source = next;
        if (IsStopped)
        {
            return;
        }

        if (next is null)
        {
            foreach (var shared in m.Subscriptions)
            {
                shared.End();
            }

            if (m.Subscriptions.Count > 0)
            {
                TeamQuoteLog.NoSourceLeft(logger, m.Key.Environment, m.Subscriptions.Count);
            }

            m.Subscriptions.Clear();
            return;
        }

        var moved = 0;
        foreach (var shared in m.Subscriptions.ToList())
        {
            string? reason;
            try
            {
                reason = (await shared.AttachAsync(next.Client, releasePrevious, CancellationToken.None))?.Message;
            }
            catch (ObjectDisposedException ex)
            {
                // The chosen session's client closed under the move: this feed cannot follow.
                reason = ex.Message;
            }

            if (reason is null)
            {
                moved++;
                continue;
            }

            TeamQuoteLog.MoveFailed(logger, shared.Type, shared.Item, next.Session.KeyId, reason);
            m.Subscriptions.Remove(shared);
            shared.End(CouldNotMove(shared, reason));
        }

        TeamQuoteLog.SourceMoved(logger, m.Key.Environment, from?.Session.KeyId ?? "-", next.Session.KeyId, moved);
        Resumed?.Invoke(m.Key, next.Session);
    }

    /// <summary>A connected session first, else one still connecting (its registrations go up at LOGIN), else any.</summary>
    private Candidate? Choose(Market m, Candidate? except = null)
    {
        lock (gate)
        {
            var others = m.Candidates.Where(c => c != except).ToList();
            return others.Find(c => c.IsConnected)
                ?? others.Find(c => c.Session.Status.State is BrokerLinkState.Connecting or BrokerLinkState.Reconnecting)
                ?? others.FirstOrDefault();
        }
    }

    private sealed class Market(TeamQuoteMarket key)
    {
        public TeamQuoteMarket Key { get; } = key;

        /// <summary>One change of the market at a time: choosing, subscribing, moving, releasing.</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Guarded by the sources' gate.</summary>
        public List<Candidate> Candidates { get; } = [];

        /// <summary>Guarded by <see cref="Turn"/>.</summary>
        public Candidate? Source { get; set; }

        /// <summary>Guarded by <see cref="Turn"/>.</summary>
        public List<SharedQuoteSubscription> Subscriptions { get; } = [];
    }

    private sealed class Candidate(BrokerSession session, KiwoomRealtimeClient client)
    {
        public BrokerSession Session { get; } = session;

        public KiwoomRealtimeClient Client { get; } = client;

        public Action<BrokerStatus> OnStatus { get; set; } = _ => { };

        public bool IsConnected => Session.Status.State == BrokerLinkState.Connected;

        /// <summary>Status events seen so far (one at a time per session): to tell a reconnect from the first connect.</summary>
        public bool EverConnected { get; set; }

        public bool WasConnected { get; set; }
    }
}
