using System.Threading.Channels;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// A realtime condition search (CNSRREQ search_type 1). <see cref="Initial"/> is the set when it
/// started; <see cref="Changes"/> carries that snapshot first, then every insert/delete (type 02),
/// and a fresh snapshot after each reconnect. Nothing is dropped. Disposing the last handle of a
/// condition sends CNSRCLR.
/// </summary>
public sealed class ConditionSubscription : IAsyncDisposable
{
    private readonly KiwoomRealtimeClient _owner;
    private readonly Channel<ConditionChange> _channel = Channel.CreateUnbounded<ConditionChange>();
    private int _disposed;

    internal ConditionSubscription(KiwoomRealtimeClient owner, string seq)
    {
        _owner = owner;
        Seq = seq;
    }

    public string Seq { get; }

    /// <summary>Stock codes (without the "A" prefix) that matched when the subscription started.</summary>
    public IReadOnlyList<string> Initial { get; internal set; } = [];

    public ChannelReader<ConditionChange> Changes => _channel.Reader;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _owner.UnsubscribeConditionAsync(this) : ValueTask.CompletedTask;

    internal void Deliver(ConditionChange change) => _channel.Writer.TryWrite(change);

    internal void Complete() => _channel.Writer.TryComplete();
}
