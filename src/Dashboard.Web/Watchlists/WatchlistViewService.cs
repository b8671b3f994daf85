using System.Security.Claims;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Watchlists;

/// <summary>
/// Each member's own view of lists: saved column choice per list and the list shown on their home screen.
/// Only lists the member may read are accepted (SEC-13), and a view is only ever read by its owner.
/// </summary>
public sealed class WatchlistViewService(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    /// <summary>The saved column names for the list, or null when the member never chose.</summary>
    public async Task<IReadOnlyList<string>?> GetColumnsAsync(ClaimsPrincipal member, Guid listId, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.WatchlistMemberViews.Where(v => v.OwnerId == ownerId && v.WatchlistId == listId)
            .Select(v => v.Columns).SingleOrDefaultAsync(ct);
        return string.IsNullOrEmpty(saved) ? null : saved.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task<bool> SaveColumnsAsync(ClaimsPrincipal member, Guid listId, IEnumerable<string> columns, CancellationToken ct = default)
    {
        var joined = string.Join(',', columns.Where(c => c.All(char.IsAsciiLetter)));
        return await UpdateAsync(member, listId, v => v.Columns = joined, ct);
    }

    /// <summary>The member's home list, when it still exists and they may still read it.</summary>
    public async Task<Guid?> GetHomeListAsync(ClaimsPrincipal member, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WatchlistMemberViews.Where(v => v.OwnerId == ownerId && v.OnHome)
            .Join(db.Watchlists.Where(l => l.OwnerId == null || l.OwnerId == ownerId), v => v.WatchlistId, l => l.Id, (v, l) => (Guid?)l.Id)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<bool> SetHomeListAsync(ClaimsPrincipal member, Guid listId, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.WatchlistMemberViews.Where(v => v.OwnerId == ownerId && v.OnHome && v.WatchlistId != listId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.OnHome, false), ct);
        }

        return await UpdateAsync(member, listId, v => v.OnHome = true, ct);
    }

    private async Task<bool> UpdateAsync(ClaimsPrincipal member, Guid listId, Action<WatchlistMemberView> change, CancellationToken ct)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Watchlists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null || !WatchlistAccess.CanRead(list, ownerId))
        {
            return false;
        }

        var view = await db.WatchlistMemberViews.SingleOrDefaultAsync(v => v.OwnerId == ownerId && v.WatchlistId == listId, ct);
        if (view is null)
        {
            view = new WatchlistMemberView { OwnerId = ownerId, WatchlistId = listId };
            db.WatchlistMemberViews.Add(view);
        }

        change(view);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
