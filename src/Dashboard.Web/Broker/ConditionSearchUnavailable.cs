using Dashboard.Kiwoom;

namespace Dashboard.Web.Broker;

/// <summary>The answer of a session that has no realtime connection to search over (test doubles of other areas).</summary>
internal sealed class ConditionSearchUnavailable : IConditionSearch
{
    public static readonly ConditionSearchUnavailable Instance = new();

    private static readonly KiwoomError Error = new(KiwoomErrorKind.Transport, -1, null, "This session offers no condition search.");

    public Task<KiwoomResult<IReadOnlyList<Dashboard.Kiwoom.Realtime.ConditionInfo>>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<KiwoomResult<IReadOnlyList<Dashboard.Kiwoom.Realtime.ConditionInfo>>>(Error);

    public Task<KiwoomResult<IReadOnlyList<Dashboard.Kiwoom.Realtime.ConditionSearchRow>>> SearchAsync(string seq, CancellationToken ct = default) =>
        Task.FromResult<KiwoomResult<IReadOnlyList<Dashboard.Kiwoom.Realtime.ConditionSearchRow>>>(Error);

    public Task<KiwoomResult<IConditionWatch>> WatchAsync(string seq, CancellationToken ct = default) =>
        Task.FromResult<KiwoomResult<IConditionWatch>>(Error);
}
