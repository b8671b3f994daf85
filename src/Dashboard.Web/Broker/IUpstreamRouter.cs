using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Broker;

/// <summary>
/// The seam between the session registry and several instances. Kiwoom allows one WebSocket per app key,
/// so before the registry opens a key's upstream session here it asks the router; with one instance (no
/// <c>ScaleOut:Redis</c>) the answer is always "open it here" and nothing else changes.
/// </summary>
public interface IUpstreamRouter
{
    /// <summary>
    /// Null: this instance now holds the key's upstream (the registry opens the session and then calls
    /// <see cref="Opened"/>). Otherwise the session to share instead, whose feeds come from the holder.
    /// </summary>
    Task<UpstreamClaim> ClaimAsync(KiwoomCredential credential, CancellationToken ct);

    /// <summary>The registry opened the key's session here after a successful claim: serve other instances from it.</summary>
    void Opened(BrokerSession session);

    /// <summary>The registry closed the key's session here: give the key back so another instance may take it.</summary>
    Task ReleasedAsync(string keyId);

    /// <summary>Shutdown: stop serving and give back every key this instance holds.</summary>
    Task StopAsync();
}

/// <summary>The answer of <see cref="IUpstreamRouter.ClaimAsync"/>: open here (Remote null) or use Remote.</summary>
public readonly record struct UpstreamClaim(RemoteSession? Remote);

/// <summary>A session served by another instance: shared by this instance's circuits like a local one.</summary>
public abstract class RemoteSession : IBrokerSession, IAsyncDisposable
{
    public abstract string KeyId { get; }

    public abstract KiwoomEnvironment Environment { get; }

    public abstract BrokerStatus Status { get; }

    public abstract event Action<BrokerStatus>? StatusChanged;

    public abstract IMarketQueries Market { get; }

    public abstract IBrokerQueries Queries { get; }

    public abstract IMarketFeeds Feeds { get; }

    public abstract Task<BrokerStatus> ConnectAsync(CancellationToken ct = default);

    /// <summary>Sends one order TR exactly once; only the order gateway calls this.</summary>
    internal abstract Task<KiwoomResult<TResponse>> SendOrderAsync<TResponse>(IKiwoomRequest<TResponse> request, CancellationToken ct)
        where TResponse : KiwoomResponse;

    public abstract ValueTask DisposeAsync();
}

/// <summary>One instance: every key's upstream is opened here.</summary>
internal sealed class LocalUpstreamRouter : IUpstreamRouter
{
    public Task<UpstreamClaim> ClaimAsync(KiwoomCredential credential, CancellationToken ct) => Task.FromResult(default(UpstreamClaim));

    public void Opened(BrokerSession session)
    {
    }

    public Task ReleasedAsync(string keyId) => Task.CompletedTask;

    public Task StopAsync() => Task.CompletedTask;
}
