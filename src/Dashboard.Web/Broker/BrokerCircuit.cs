using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Broker;

/// <summary>
/// A circuit's <see cref="IBrokerSessions"/> (scoped: one per circuit, shared by the chip and the page).
/// It picks the member's active connection, holds one lease on the shared session and releases it when
/// the circuit ends.
/// </summary>
public sealed class BrokerCircuit(
    BrokerSessionRegistry registry,
    ConnectionService connections,
    ActiveConnectionStore activeConnections,
    AuthenticationStateProvider authentication,
    TimeProvider time) : IBrokerSessions, IAsyncDisposable
{
    private readonly Lock gate = new();
    private Task<IBrokerSession?>? opening;
    private BrokerLease? lease;
    private BrokerLinkState unavailable = BrokerLinkState.Connecting;
    private string? unavailableMessage;
    private bool disposed;

    public event Action<BrokerStatus>? StatusChanged;

    public ConnectionSummary? Connection { get; private set; }

    public IBrokerSession? Session => lease?.Shared;

    public BrokerStatus Status => lease?.Shared.Status
        ?? BrokerStatus.Unavailable(unavailable, time.GetUtcNow()) with { Message = unavailableMessage };

    /// <summary>
    /// The member's active connection: the one they picked in the app bar while it is usable, else the
    /// oldest verified one, else the oldest that can still be unlocked (a new member's simulator connection
    /// is untested but usable).
    /// </summary>
    public static ConnectionSummary? ChooseActive(IReadOnlyList<ConnectionSummary> all, Guid? picked = null) =>
        all.FirstOrDefault(c => c.Id == picked && c.Status != BrokerConnectionStatus.NeedsReentry)
        ?? all.FirstOrDefault(c => c.Status == BrokerConnectionStatus.Verified)
        ?? all.FirstOrDefault(c => c.Status is BrokerConnectionStatus.Untested)
        ?? all.FirstOrDefault(c => c.Status != BrokerConnectionStatus.NeedsReentry);

    public Task<IBrokerSession?> OpenAsync()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return opening ??= OpenCoreAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        BrokerLease? held;
        Task<IBrokerSession?>? pending;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            held = lease;
            pending = opening;
        }

        if (held is null && pending is not null)
        {
            // An open still under way when the circuit ends must not leak its lease.
            try
            {
                await pending;
            }
            catch (Exception) when (pending.IsFaulted)
            {
                // Its exception already reached the component that asked for the session.
            }

            held = lease;
        }

        if (held is not null)
        {
            held.Shared.StatusChanged -= OnStatusChanged;
            await held.DisposeAsync();
        }
    }

    private async Task<IBrokerSession?> OpenCoreAsync()
    {
        var member = (await authentication.GetAuthenticationStateAsync()).User;
        if (member.Identity?.IsAuthenticated != true)
        {
            return Unavailable(BrokerLinkState.NoConnection);
        }

        var all = await connections.ListAsync(member);
        var active = ChooseActive(all, await activeConnections.GetAsync(ConnectionService.OwnerId(member)));
        if (active is null)
        {
            return Unavailable(all.Count > 0 ? BrokerLinkState.NeedsReentry : BrokerLinkState.NoConnection);
        }

        Connection = active;
        var opened = await registry.OpenAsync(ConnectionService.OwnerId(member), active.Id);
        if (opened.Lease is not { } acquired)
        {
            return Unavailable(opened.Failure, opened.Message);
        }

        bool ended;
        lock (gate)
        {
            ended = disposed;
            if (!ended)
            {
                lease = acquired;
            }
        }

        if (ended)
        {
            // The circuit ended while the session opened: give the lease straight back.
            await acquired.DisposeAsync();
            return null;
        }

        acquired.Shared.StatusChanged += OnStatusChanged;
        StatusChanged?.Invoke(acquired.Shared.Status);
        return acquired.Shared;
    }

    private IBrokerSession? Unavailable(BrokerLinkState state, string? message = null)
    {
        unavailable = state;
        unavailableMessage = message;
        StatusChanged?.Invoke(Status);
        return null;
    }

    private void OnStatusChanged(BrokerStatus status) => StatusChanged?.Invoke(status);
}
