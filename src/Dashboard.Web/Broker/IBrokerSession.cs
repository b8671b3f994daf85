using Dashboard.Kiwoom;

namespace Dashboard.Web.Broker;

/// <summary>
/// One member connection's live session as pages see it: its state, market snapshots, query TRs and
/// live feeds. Orders are deliberately absent: they have exactly one way in, the order service, which
/// reaches the broker through <see cref="IOrderGateway"/>.
/// </summary>
public interface IBrokerSession
{
    /// <summary>Non-reversible identity of the app key (and environment) this session serves.</summary>
    string KeyId { get; }

    KiwoomEnvironment Environment { get; }

    BrokerStatus Status { get; }

    /// <summary>Raised on every connection state change (not on ticks), outside any lock.</summary>
    event Action<BrokerStatus>? StatusChanged;

    /// <summary>Snapshots the market pages paint first: quotes, indices, basics, symbol search.</summary>
    IMarketQueries Market { get; }

    /// <summary>Any query TR of the registry, typed or raw; order TRs are refused.</summary>
    IBrokerQueries Queries { get; }

    /// <summary>Conflated quotes and lossless events from the session's one WebSocket.</summary>
    IMarketFeeds Feeds { get; }

    /// <summary>Saved conditions, one-shot and live condition search over the session's one WebSocket.</summary>
    IConditionSearch Conditions => ConditionSearchUnavailable.Instance;

    /// <summary>
    /// Starts (or, after Replaced/Failed, restarts) the WebSocket and waits for the outcome. A replaced
    /// session only comes back when the member asks, because reconnecting would in turn replace the
    /// other login of the same key.
    /// </summary>
    Task<BrokerStatus> ConnectAsync(CancellationToken ct = default);
}
