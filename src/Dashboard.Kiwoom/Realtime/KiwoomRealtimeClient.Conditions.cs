using System.Collections.Immutable;
using System.Text.Json;

namespace Dashboard.Kiwoom.Realtime;

// Condition search over the WebSocket (PROTOCOL.md 8): CNSRLST, CNSRREQ one-shot and realtime, CNSRCLR.
public sealed partial class KiwoomRealtimeClient
{
    private readonly Dictionary<string, ConditionRegistration> _conditions = new(StringComparer.Ordinal);

    /// <summary>The saved conditions of the account (CNSRLST). Needs a connection.</summary>
    public async ValueTask<KiwoomResult<IReadOnlyList<ConditionInfo>>> ListConditionsAsync(CancellationToken ct = default)
    {
        if (CurrentSession() is not { } session)
        {
            return NotConnected();
        }

        var answer = await RequestAsync(session, RealtimeMessageKind.ConditionList, RealtimeMessages.ConditionList(), ct).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        session.ConditionsListed = true;
        var list = new List<ConditionInfo>();
        if (answer.Value.Data.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in answer.Value.Data.EnumerateArray())
            {
                // The spec sends [seq, name] pairs although its table names them seq/name.
                if (row.ValueKind == JsonValueKind.Array && row.GetArrayLength() >= 2 && row[0].ValueKind == JsonValueKind.String)
                {
                    list.Add(new ConditionInfo(row[0].GetString()!.Trim(), row[1].ValueKind == JsonValueKind.String ? row[1].GetString()! : ""));
                }
                else if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.String)
                {
                    list.Add(new ConditionInfo(seq.GetString()!.Trim(), row.TryGetProperty("name", out var name) ? name.GetString() ?? "" : ""));
                }
            }
        }

        return KiwoomResult<IReadOnlyList<ConditionInfo>>.Success(list);
    }

    /// <summary>
    /// Runs condition <paramref name="seq"/> once (CNSRREQ search_type 0), following cont_yn/next_key
    /// up to <see cref="RealtimeClientOptions.MaxSearchPages"/> pages. <paramref name="exchange"/>: K KRX, N NXT, A 통합.
    /// </summary>
    public async ValueTask<KiwoomResult<IReadOnlyList<ConditionSearchRow>>> SearchAsync(string seq, string exchange = "K", CancellationToken ct = default)
    {
        if (CurrentSession() is not { } session)
        {
            return NotConnected();
        }

        if (await EnsureListedAsync(session, ct).ConfigureAwait(false) is { } listError)
        {
            return listError;
        }

        var rows = new List<ConditionSearchRow>();
        string continueYn = "N", nextKey = "";
        for (var page = 0; page < _options.MaxSearchPages; page++)
        {
            var answer = await RequestAsync(session, RealtimeMessageKind.ConditionSearch,
                RealtimeMessages.ConditionSearch(seq, "0", exchange, continueYn, nextKey), ct).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                return answer.Error;
            }

            if (answer.Value.Data.ValueKind == JsonValueKind.Array)
            {
                rows.AddRange(answer.Value.Data.EnumerateArray().Select(ConditionSearchRow.From).OfType<ConditionSearchRow>());
            }

            if (answer.Value.ContinueYn?.Trim() != "Y" || string.IsNullOrEmpty(answer.Value.NextKey))
            {
                return KiwoomResult<IReadOnlyList<ConditionSearchRow>>.Success(rows);
            }

            (continueYn, nextKey) = ("Y", answer.Value.NextKey);
        }

        return new KiwoomError(KiwoomErrorKind.Server, -1, null, $"Condition {seq} still had more rows after {_options.MaxSearchPages} pages.");
    }

    /// <summary>
    /// Starts (or joins) the realtime condition <paramref name="seq"/> (CNSRREQ search_type 1): the
    /// handle holds the initial set and then receives insert/delete changes. Needs a connection.
    /// </summary>
    public async ValueTask<KiwoomResult<ConditionSubscription>> SubscribeConditionAsync(string seq, string exchange = "K", CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seq);
        if (CurrentSession() is not { } session)
        {
            return NotConnected();
        }

        var subscription = new ConditionSubscription(this, seq);
        bool first;
        ConditionRegistration registration;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            first = !_conditions.TryGetValue(seq, out var existing);
            registration = existing ?? new ConditionRegistration(seq, exchange);
            _conditions[seq] = registration;
            registration.Subscribers = registration.Subscribers.Add(subscription);
        }

        if (first)
        {
            var started = await StartConditionAsync(session, registration, ct).ConfigureAwait(false);
            if (!started.IsSuccess)
            {
                ReleaseCondition(subscription);
                subscription.Complete();
                return started.Error;
            }
        }

        lock (_gate)
        {
            subscription.Initial = [.. registration.Codes];
        }

        subscription.Deliver(new ConditionChange(seq, ConditionChangeKind.Snapshot, subscription.Initial, null));
        return KiwoomResult<ConditionSubscription>.Success(subscription);
    }

    internal async ValueTask UnsubscribeConditionAsync(ConditionSubscription subscription)
    {
        subscription.Complete();
        if (!ReleaseCondition(subscription) || CurrentSession() is not { } session)
        {
            return;
        }

        var answer = await RequestAsync(session, RealtimeMessageKind.ConditionClear, RealtimeMessages.ConditionClear(subscription.Seq), CancellationToken.None)
            .ConfigureAwait(false);
        // As with REMOVE: a connection that ended meanwhile took its condition registrations with it (not a failure).
        if (!answer.IsSuccess && session.EndReason is null)
        {
            LogRemoveFailed(_logger, RealtimeTypes.Condition, subscription.Seq, answer.Error.Message);
        }
    }

    private bool ReleaseCondition(ConditionSubscription subscription)
    {
        lock (_gate)
        {
            if (!_conditions.TryGetValue(subscription.Seq, out var registration))
            {
                return false;
            }

            registration.Subscribers = registration.Subscribers.Remove(subscription);
            if (!registration.Subscribers.IsEmpty)
            {
                return false;
            }

            _conditions.Remove(subscription.Seq);
            return true;
        }
    }

    private async Task<KiwoomResult<bool>> StartConditionAsync(RealtimeSession session, ConditionRegistration registration, CancellationToken ct)
    {
        if (await EnsureListedAsync(session, ct).ConfigureAwait(false) is { } listError)
        {
            return listError;
        }

        var answer = await RequestAsync(session, RealtimeMessageKind.ConditionSearch,
            RealtimeMessages.ConditionSearch(registration.Seq, "1", registration.Exchange, null, null), ct).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        var codes = answer.Value.Data.ValueKind == JsonValueKind.Array
            ? answer.Value.Data.EnumerateArray().Select(ConditionSearchRow.From).OfType<ConditionSearchRow>().Select(r => r.Code).Where(c => c.Length > 0)
            : [];
        lock (_gate)
        {
            registration.Codes.Clear();
            registration.Codes.UnionWith(codes);
        }

        return KiwoomResult<bool>.Success(true);
    }

    private async Task<KiwoomError?> EnsureListedAsync(RealtimeSession session, CancellationToken ct)
    {
        if (session.ConditionsListed)
        {
            return null;
        }

        var answer = await RequestAsync(session, RealtimeMessageKind.ConditionList, RealtimeMessages.ConditionList(), ct).ConfigureAwait(false);
        session.ConditionsListed = answer.IsSuccess;
        return answer.Error;
    }

    private async Task RestoreConditionsAsync(RealtimeSession session, CancellationToken ct)
    {
        List<ConditionRegistration> conditions;
        lock (_gate)
        {
            conditions = [.. _conditions.Values];
        }

        foreach (var registration in conditions)
        {
            var started = await StartConditionAsync(session, registration, ct).ConfigureAwait(false);
            if (!started.IsSuccess)
            {
                LogRegisterRefused(_logger, RealtimeTypes.Condition, registration.Seq, started.Error.Message);
                continue;
            }

            ImmutableArray<ConditionSubscription> subscribers;
            IReadOnlyList<string> snapshot;
            lock (_gate)
            {
                subscribers = registration.Subscribers;
                snapshot = [.. registration.Codes];
            }

            foreach (var subscriber in subscribers)
            {
                subscriber.Deliver(new ConditionChange(registration.Seq, ConditionChangeKind.Snapshot, snapshot, null));
            }
        }
    }

    private void RouteCondition(RealtimeEvent e)
    {
        if (ConditionChange.From(e) is not { } change)
        {
            LogBadMessage(_logger, "A condition push has no I/D flag.", 0);
            return;
        }

        ImmutableArray<ConditionSubscription> subscribers;
        lock (_gate)
        {
            if (!_conditions.TryGetValue(change.Seq, out var registration))
            {
                return;
            }

            if (change.Kind == ConditionChangeKind.Inserted)
            {
                registration.Codes.Add(change.Codes[0]);
            }
            else
            {
                registration.Codes.Remove(change.Codes[0]);
            }

            subscribers = registration.Subscribers;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Deliver(change);
        }
    }

    private KiwoomError NotConnected() =>
        new(KiwoomErrorKind.Transport, -1, null, $"The realtime connection is {State}; condition search needs it connected.");

    private sealed class ConditionRegistration(string seq, string exchange)
    {
        public string Seq { get; } = seq;

        public string Exchange { get; } = exchange;

        public HashSet<string> Codes { get; } = new(StringComparer.Ordinal);

        public ImmutableArray<ConditionSubscription> Subscribers { get; set; } = [];
    }
}
