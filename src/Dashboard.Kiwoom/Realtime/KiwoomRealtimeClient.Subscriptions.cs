using System.Collections.Immutable;

namespace Dashboard.Kiwoom.Realtime;

// Reference-counted (type, item) registrations, their REG groups, routing of REAL events, and
// re-registration after a reconnect.
public sealed partial class KiwoomRealtimeClient
{
    private readonly Dictionary<(string Type, string Item), Registration> _registrations = [];
    private readonly SortedDictionary<int, Group> _groups = [];

    /// <summary>
    /// Subscribes to <paramref name="type"/> (a <see cref="RealtimeTypes"/> code) for
    /// <paramref name="item"/> ("" for account-wide 00/04 and for 0s). The first subscriber of a
    /// (type, item) sends REG (when connected; otherwise the next LOGIN registers it); later ones
    /// share it. Starts the connection if it was never started. A REG the server refuses is an error.
    /// </summary>
    public ValueTask<KiwoomResult<RealtimeSubscription>> SubscribeAsync(string type, string item, CancellationToken ct = default)
    {
        ValidateSubscription(type, item);
        return SubscribeAsync(new RealtimeSubscription(this, type, item, _options.SubscriberCapacity), ct);
    }

    /// <summary>
    /// As <see cref="SubscribeAsync(string, string, CancellationToken)"/>, but events go straight to
    /// <paramref name="sink"/> on the receive loop (one sink may take several subscriptions).
    /// </summary>
    public ValueTask<KiwoomResult<RealtimeSubscription>> SubscribeAsync(string type, string item, IRealtimeSink sink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ValidateSubscription(type, item);
        return SubscribeAsync(new RealtimeSubscription(this, type, item, sink), ct);
    }

    private static void ValidateSubscription(string type, string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!RealtimeTypes.Registrable.Contains(type))
        {
            throw new ArgumentException($"'{type}' is not a realtime type that REG accepts.", nameof(type));
        }
    }

    private async ValueTask<KiwoomResult<RealtimeSubscription>> SubscribeAsync(RealtimeSubscription subscription, CancellationToken ct)
    {
        var (type, item) = (subscription.Type, subscription.Item);
        RealtimeSession? session;
        int group;
        bool first;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            first = !_registrations.TryGetValue((type, item), out var registration);
            if (first)
            {
                if (!RealtimeTypes.IsEventDriven(type) && !HasStreamingRegistrations() && _session is { } current)
                {
                    // The no-REAL clock starts when there is something that should keep arriving.
                    current.LastReal = _time.GetTimestamp();
                }

                registration = new Registration(type, item, AllocateGroup(type, item));
                _registrations.Add((type, item), registration);
            }

            registration!.Subscribers = registration.Subscribers.Add(subscription);
            group = registration.Group;
            session = _session;
        }

        EnsureRunning(restart: false);
        if (!first || session is null)
        {
            return KiwoomResult<RealtimeSubscription>.Success(subscription);
        }

        var ack = await RequestAsync(session, RealtimeMessageKind.Register, RealtimeMessages.Register(group, [item], type), ct).ConfigureAwait(false);
        if (ack.IsSuccess || ack.Error.Kind == KiwoomErrorKind.Transport)
        {
            // A dropped connection re-registers everything after the next LOGIN.
            return KiwoomResult<RealtimeSubscription>.Success(subscription);
        }

        LogRegisterRefused(_logger, type, item, ack.Error.Message);
        Release(subscription, out _, out _);
        subscription.Complete();
        return ack.Error;
    }

    internal async ValueTask UnsubscribeAsync(RealtimeSubscription subscription)
    {
        subscription.Complete();
        if (!Release(subscription, out var group, out var session) || session is null)
        {
            return;
        }

        var answer = await RequestAsync(session, RealtimeMessageKind.Remove, RealtimeMessages.Remove(group, [subscription.Item], subscription.Type), CancellationToken.None)
            .ConfigureAwait(false);
        // A connection that ended meanwhile (the client stopping, a drop) took its registrations with it, and the next
        // one registers only what is still held: nothing failed, so a teardown is not logged as a failure.
        if (!answer.IsSuccess && session.EndReason is null)
        {
            LogRemoveFailed(_logger, subscription.Type, subscription.Item, answer.Error.Message);
        }
    }

    /// <summary>Drops one subscriber; true when it was the last of its registration.</summary>
    private bool Release(RealtimeSubscription subscription, out int group, out RealtimeSession? session)
    {
        lock (_gate)
        {
            session = _session;
            group = 0;
            if (_disposed || !_registrations.TryGetValue((subscription.Type, subscription.Item), out var registration))
            {
                return false;
            }

            registration.Subscribers = registration.Subscribers.Remove(subscription);
            if (!registration.Subscribers.IsEmpty)
            {
                return false;
            }

            _registrations.Remove((subscription.Type, subscription.Item));
            group = registration.Group;
            var owner = _groups[group];
            owner.Items.Remove(subscription.Item);
            if (owner.Items.Count == 0)
            {
                _groups.Remove(group);
            }

            return true;
        }
    }

    private int AllocateGroup(string type, string item)
    {
        foreach (var (number, existing) in _groups)
        {
            if (existing.Type == type && existing.Items.Count < _options.MaxItemsPerGroup)
            {
                existing.Items.Add(item);
                return number;
            }
        }

        var free = 1;
        while (_groups.ContainsKey(free))
        {
            free++;
        }

        _groups.Add(free, new Group(type, [item]));
        return free;
    }

    /// <summary>Distinct (type, item) registrations, each sent to the server once however many subscribe.</summary>
    public int RegistrationCount
    {
        get
        {
            lock (_gate)
            {
                return _registrations.Count;
            }
        }
    }

    /// <summary>
    /// Raised on the receive loop for every REAL event before it reaches the subscribers (for meters and
    /// freshness, counted once per event whatever the number of subscribers); handlers must not block.
    /// </summary>
    public event Action<RealtimeEvent>? EventReceived;

    /// <summary>
    /// Whether a registration exists that should keep pushing REAL while the market is open. Only
    /// 00/04/1h-style registrations (<see cref="RealtimeTypes.IsEventDriven"/>) do not count: a member
    /// who trades nothing for two minutes must not have their socket torn down and re-registered.
    /// Called with or without <c>_gate</c> held (the lock is re-entrant).
    /// </summary>
    private bool HasStreamingRegistrations()
    {
        lock (_gate)
        {
            foreach (var (type, _) in _registrations.Keys)
            {
                if (!RealtimeTypes.IsEventDriven(type))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void Route(RealtimeEvent e)
    {
        EventReceived?.Invoke(e);
        if (e.Type == RealtimeTypes.Condition)
        {
            RouteCondition(e);
            return;
        }

        ImmutableArray<RealtimeSubscription> exact = [];
        ImmutableArray<RealtimeSubscription> wide = [];
        lock (_gate)
        {
            if (_registrations.TryGetValue((e.Type, e.Item), out var registration))
            {
                exact = registration.Subscribers;
            }

            // 00/04 (and 1h, 0s) are registered with item "" but pushed with the event's stock code.
            if (e.Item.Length > 0 && _registrations.TryGetValue((e.Type, ""), out var accountWide))
            {
                wide = accountWide.Subscribers;
            }
        }

        foreach (var subscription in exact)
        {
            subscription.Deliver(e);
        }

        foreach (var subscription in wide)
        {
            subscription.Deliver(e);
        }
    }

    /// <summary>After LOGIN: one REG per group with all its items, then every realtime condition.</summary>
    private async Task RestoreAsync(RealtimeSession session, CancellationToken ct)
    {
        List<(int Number, string Type, string[] Items)> groups;
        lock (_gate)
        {
            groups = [.. _groups.Select(g => (g.Key, g.Value.Type, g.Value.Items.ToArray()))];
        }

        foreach (var (number, type, items) in groups)
        {
            var ack = await RequestAsync(session, RealtimeMessageKind.Register, RealtimeMessages.Register(number, items, type), ct).ConfigureAwait(false);
            if (!ack.IsSuccess)
            {
                LogRegisterRefused(_logger, type, $"group {number} ({items.Length} items)", ack.Error.Message);
                if (ack.Error.Kind == KiwoomErrorKind.Transport)
                {
                    return;
                }
            }
        }

        await RestoreConditionsAsync(session, ct).ConfigureAwait(false);
    }

    private void CompleteAllSubscribers()
    {
        List<RealtimeSubscription> subscriptions;
        List<ConditionSubscription> conditions;
        lock (_gate)
        {
            subscriptions = [.. _registrations.Values.SelectMany(r => r.Subscribers)];
            conditions = [.. _conditions.Values.SelectMany(c => c.Subscribers)];
            _registrations.Clear();
            _groups.Clear();
            _conditions.Clear();
        }

        subscriptions.ForEach(s => s.Complete());
        conditions.ForEach(c => c.Complete());
    }

    private sealed class Registration(string type, string item, int group)
    {
        public string Type { get; } = type;

        public string Item { get; } = item;

        public int Group { get; } = group;

        public ImmutableArray<RealtimeSubscription> Subscribers { get; set; } = [];
    }

    private sealed record Group(string Type, HashSet<string> Items);
}
