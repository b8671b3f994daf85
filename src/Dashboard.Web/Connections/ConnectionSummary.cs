using Dashboard.Kiwoom;
using Dashboard.Web.Data;

namespace Dashboard.Web.Connections;

/// <summary>What the browser may see of a stored connection: never a key, only masked hints.</summary>
public sealed record ConnectionSummary(
    Guid Id,
    string Label,
    KiwoomEnvironment Environment,
    string AppKeyHint,
    string? AccountMasked,
    BrokerConnectionStatus Status,
    DateTimeOffset? LastTestedAt);
