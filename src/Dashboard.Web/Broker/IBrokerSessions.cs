using Dashboard.Web.Connections;

namespace Dashboard.Web.Broker;

/// <summary>
/// What a page (one circuit) injects to reach the broker: the live session of the signed-in member's
/// active connection, opened once per circuit and shared with the member's other tabs and devices.
/// Pages never see the registry, the REST client or the realtime client.
/// </summary>
public interface IBrokerSessions
{
    /// <summary>Raised when the session's connection state changes, outside any lock and off the renderer.</summary>
    event Action<BrokerStatus>? StatusChanged;

    /// <summary>The connection in use once <see cref="OpenAsync"/> has found one.</summary>
    ConnectionSummary? Connection { get; }

    /// <summary>The open session, or null before <see cref="OpenAsync"/> finished or when none is usable.</summary>
    IBrokerSession? Session { get; }

    BrokerStatus Status { get; }

    /// <summary>Opens (once per circuit) the session of the member's active connection; null when there is none usable.</summary>
    Task<IBrokerSession?> OpenAsync();
}
