using System.Security.Claims;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Connections;

/// <summary>
/// Remembers which of a member's connections the app bar's account picker chose. Only the member's own
/// connections can be chosen (SEC-13): an id that is not theirs is refused, not stored.
/// </summary>
public sealed class ActiveConnectionStore(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<Guid?> GetAsync(string ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == ownerId).Select(u => u.ActiveConnectionId).SingleOrDefaultAsync(ct);
    }

    /// <summary>Stores the choice; false when <paramref name="connectionId"/> is not one of the member's connections.</summary>
    public async Task<bool> SetAsync(ClaimsPrincipal member, Guid connectionId, CancellationToken ct = default)
    {
        var ownerId = ConnectionService.OwnerId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.BrokerConnections.AnyAsync(c => c.Id == connectionId && c.OwnerId == ownerId, ct))
        {
            return false;
        }

        await db.Users.Where(u => u.Id == ownerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveConnectionId, connectionId), ct);
        return true;
    }
}
