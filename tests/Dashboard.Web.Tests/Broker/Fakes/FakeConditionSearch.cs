using System.Threading.Channels;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>Condition search whose saved conditions and results the test sets, and whose live watches the test pushes to.</summary>
public sealed class FakeConditionSearch : IConditionSearch
{
    public List<ConditionInfo> Saved { get; } = [];

    public Dictionary<string, List<ConditionSearchRow>> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Codes each condition matches when a watch starts.</summary>
    public Dictionary<string, List<string>> Matching { get; } = new(StringComparer.Ordinal);

    public List<Watch> Watches { get; } = [];

    public Task<KiwoomResult<IReadOnlyList<ConditionInfo>>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult(KiwoomResult<IReadOnlyList<ConditionInfo>>.Success([.. Saved]));

    public Task<KiwoomResult<IReadOnlyList<ConditionSearchRow>>> SearchAsync(string seq, CancellationToken ct = default) =>
        Task.FromResult(Results.TryGetValue(seq, out var rows)
            ? KiwoomResult<IReadOnlyList<ConditionSearchRow>>.Success([.. rows])
            : KiwoomResult<IReadOnlyList<ConditionSearchRow>>.Failure(new KiwoomError(KiwoomErrorKind.Server, 1, null, $"No condition {seq}.")));

    public Task<KiwoomResult<IConditionWatch>> WatchAsync(string seq, CancellationToken ct = default)
    {
        var watch = new Watch(seq);
        Watches.Add(watch);
        watch.Push(new ConditionChange(seq, ConditionChangeKind.Snapshot, [.. Matching.GetValueOrDefault(seq) ?? []], null));
        return Task.FromResult(KiwoomResult<IConditionWatch>.Success(watch));
    }

    public sealed class Watch(string seq) : IConditionWatch
    {
        private readonly Channel<ConditionChange> changes = Channel.CreateUnbounded<ConditionChange>();

        public string Seq => seq;

        public ChannelReader<ConditionChange> Changes => changes.Reader;

        /// <summary>Set when disposed: the real watch sends CNSRCLR then.</summary>
        public bool Cleared { get; private set; }

        public void Push(ConditionChange change) => changes.Writer.TryWrite(change);

        public ValueTask DisposeAsync()
        {
            Cleared = true;
            changes.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
