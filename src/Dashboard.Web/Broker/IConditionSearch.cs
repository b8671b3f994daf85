using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// Condition search (조건검색) of a session. It runs over the session's one WebSocket (CNSRLST, CNSRREQ,
/// CNSRCLR; PROTOCOL.md 8), never over the REST query path, which refuses ka10171-ka10174.
/// </summary>
public interface IConditionSearch
{
    /// <summary>The member's saved conditions (CNSRLST).</summary>
    Task<KiwoomResult<IReadOnlyList<ConditionInfo>>> ListAsync(CancellationToken ct = default);

    /// <summary>Runs condition <paramref name="seq"/> once (CNSRREQ type 0), following continuation to the end.</summary>
    Task<KiwoomResult<IReadOnlyList<ConditionSearchRow>>> SearchAsync(string seq, CancellationToken ct = default);

    /// <summary>
    /// Watches condition <paramref name="seq"/> live (CNSRREQ type 1): a snapshot, then every stock entering or
    /// leaving. Disposing the last watch of a condition sends CNSRCLR.
    /// </summary>
    Task<KiwoomResult<IConditionWatch>> WatchAsync(string seq, CancellationToken ct = default);
}
