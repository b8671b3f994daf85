using System.Threading.Channels;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// Condition search over the session's one realtime client. A page may ask before the socket's first LOGIN
/// finished, so each call waits (bounded) for the connection; a Replaced or Failed socket is not restarted
/// here, because reconnecting would in turn replace the member's other login of the same key.
/// </summary>
internal sealed class SessionConditionSearch(KiwoomRealtimeClient realtime, TimeSpan connectWait) : IConditionSearch
{
    public async Task<KiwoomResult<IReadOnlyList<ConditionInfo>>> ListAsync(CancellationToken ct = default) =>
        await WhenConnectedAsync(ct) is { } notConnected ? notConnected : await realtime.ListConditionsAsync(ct);

    public async Task<KiwoomResult<IReadOnlyList<ConditionSearchRow>>> SearchAsync(string seq, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seq);
        return await WhenConnectedAsync(ct) is { } notConnected ? notConnected : await realtime.SearchAsync(seq, ct: ct);
    }

    public async Task<KiwoomResult<IConditionWatch>> WatchAsync(string seq, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seq);
        if (await WhenConnectedAsync(ct) is { } notConnected)
        {
            return notConnected;
        }

        var subscribed = await realtime.SubscribeConditionAsync(seq, ct: ct);
        return subscribed.IsSuccess ? KiwoomResult<IConditionWatch>.Success(new Watch(subscribed.Value)) : subscribed.Error;
    }

    private async Task<KiwoomError?> WhenConnectedAsync(CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(connectWait);
        try
        {
            var change = await realtime.WaitForAsync(
                s => s is RealtimeConnectionState.Connected or RealtimeConnectionState.Failed or RealtimeConnectionState.Replaced, wait.Token);
            return change.State == RealtimeConnectionState.Connected
                ? null
                : new KiwoomError(KiwoomErrorKind.Transport, -1, change.Error?.DetailCode, $"The realtime connection is {change.State}; condition search needs it connected.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new KiwoomError(KiwoomErrorKind.Transport, -1, null, $"The realtime connection did not come up within {connectWait.TotalSeconds:0} s; condition search needs it.");
        }
    }

    private sealed class Watch(ConditionSubscription subscription) : IConditionWatch
    {
        public string Seq => subscription.Seq;

        public ChannelReader<ConditionChange> Changes => subscription.Changes;

        public ValueTask DisposeAsync() => subscription.DisposeAsync();
    }
}
