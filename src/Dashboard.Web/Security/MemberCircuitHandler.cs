using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Security;

/// <summary>
/// Counts each member's circuits where Blazor creates them, whatever path or transport the connection
/// used, and refuses one beyond <see cref="MemberCircuitCounter.Max"/> (SEC-22). A refused circuit fails
/// to start (the page shows its error bar) and holds nothing. One instance per circuit.
/// </summary>
internal sealed class MemberCircuitHandler(MemberCircuitCounter counter, AuthenticationStateProvider authentication, ILogger<MemberCircuitHandler> logger) : CircuitHandler
{
    private string? countedFor;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.Identity?.IsAuthenticated == true ? state.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
        {
            return;
        }

        if (!counter.TryOpen(userId))
        {
            SecurityLog.CircuitLimitReached(logger, counter.Max);
            throw new CircuitLimitExceededException(counter.Max);
        }

        countedFor = userId;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref countedFor, null) is { } userId)
        {
            counter.Close(userId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The member already holds the maximum number of circuits.</summary>
public sealed class CircuitLimitExceededException(int max)
    : InvalidOperationException($"This member already has {max} open dashboard pages. Close one and reload.");
