using System.Security.Claims;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Watchlists;

/// <summary>
/// Personal and team watchlists. Every call takes the acting member and checks them (SEC-13): a personal
/// list of someone else is not found, whatever the id. Every write raises the list's version (its
/// concurrency token): changes that combine (add, remove, move) are re-applied on the newer version, so
/// both members' edits land; changes that overwrite a value (rename, note) report a conflict with the
/// other member's value instead, so the caller keeps what its member typed.
/// </summary>
public sealed class WatchlistService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IWatchlistChanges changes,
    TimeProvider time,
    ILogger<WatchlistService> logger)
{
    public const int MaxItems = 100;
    public const int MaxPersonalLists = 50;
    public const int MaxTeamLists = 100;
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<WatchlistSummary>> ListAsync(ClaimsPrincipal member, CancellationToken ct = default)
    {
        var memberId = WatchlistAccess.MemberId(member);
        var canEditTeam = WatchlistAccess.CanEditTeamLists(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Watchlists
            .Where(l => l.OwnerId == null || l.OwnerId == memberId)
            .Select(l => new { l.Id, l.Name, l.OwnerId, Count = l.Items.Count, l.UpdatedAt })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.OwnerId is null)
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new WatchlistSummary(r.Id, r.Name, r.OwnerId is null, r.Count, r.OwnerId is null ? canEditTeam : true, r.UpdatedAt))
            .ToList();
    }

    /// <summary>The list with its items, or null when it does not exist or is another member's.</summary>
    public async Task<WatchlistDetails?> GetAsync(ClaimsPrincipal member, Guid listId, CancellationToken ct = default)
    {
        var memberId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Watchlists.AsNoTracking().Include(l => l.Items)
            .SingleOrDefaultAsync(l => l.Id == listId && (l.OwnerId == null || l.OwnerId == memberId), ct);
        if (list is null)
        {
            return null;
        }

        var items = list.Items.OrderBy(i => i.Position)
            .Select(i => new WatchlistEntry(i.Id, i.Code, i.Note, i.Position, i.AddedByName, i.AddedAt))
            .ToList();
        return new WatchlistDetails(list.Id, list.Name, list.OwnerId is null, WatchlistAccess.CanEdit(list, member, memberId), list.Version, items);
    }

    public async Task<WatchlistResult> CreateAsync(ClaimsPrincipal member, string name, bool team, CancellationToken ct = default)
    {
        var memberId = WatchlistAccess.MemberId(member);
        if (team && !WatchlistAccess.CanEditTeamLists(member))
        {
            return WatchlistResult.Of(WatchlistOutcome.Forbidden);
        }

        if (CleanName(name) is not { } clean)
        {
            return WatchlistResult.Of(WatchlistOutcome.Invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = team ? null : memberId;
        var count = await db.Watchlists.CountAsync(l => l.OwnerId == owner, ct);
        if (count >= (team ? MaxTeamLists : MaxPersonalLists))
        {
            return WatchlistResult.Of(WatchlistOutcome.Full);
        }

        var now = time.GetUtcNow();
        var list = new Watchlist { Id = Guid.NewGuid(), Name = clean, OwnerId = owner, CreatedById = memberId, CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.Watchlists.Add(list);
        await db.SaveChangesAsync(ct);
        await PublishAsync(new WatchlistChange(list.Id, WatchlistChangeKind.Created, list.Version, memberId), ct);
        return WatchlistResult.Ok(list.Id);
    }

    /// <summary>Renames the list unless someone renamed it since the member read <paramref name="expectedName"/>.</summary>
    public Task<WatchlistResult> RenameAsync(ClaimsPrincipal member, Guid listId, string name, string expectedName, CancellationToken ct = default)
    {
        if (CleanName(name) is not { } clean)
        {
            return Task.FromResult(WatchlistResult.Of(WatchlistOutcome.Invalid));
        }

        return ChangeAsync(member, listId, WatchlistChangeKind.Renamed, (_, list, _) =>
        {
            if (!string.Equals(list.Name, expectedName, StringComparison.Ordinal))
            {
                return Task.FromResult(new WatchlistResult(WatchlistOutcome.Conflict, list.Id, list.Name));
            }

            list.Name = clean;
            return Task.FromResult(WatchlistResult.Ok(list.Id));
        }, ct);
    }

    public Task<WatchlistResult> DeleteAsync(ClaimsPrincipal member, Guid listId, CancellationToken ct = default) =>
        ChangeAsync(member, listId, WatchlistChangeKind.Deleted, (db, list, _) =>
        {
            db.Watchlists.Remove(list);
            return Task.FromResult(WatchlistResult.Ok(list.Id));
        }, ct);

    /// <summary>Adds a stock at the end of the list, recording who added it, when and why.</summary>
    public Task<WatchlistResult> AddAsync(ClaimsPrincipal member, Guid listId, string code, string? note, CancellationToken ct = default)
    {
        var cleanCode = code.Trim().ToUpperInvariant();
        var cleanNote = CleanNote(note);
        if (!MarketDefaults.IsStockCode(cleanCode) || cleanNote is { Length: > WatchlistItemConfiguration.NoteLength })
        {
            return Task.FromResult(WatchlistResult.Of(WatchlistOutcome.Invalid));
        }

        return ChangeAsync(member, listId, WatchlistChangeKind.Added, async (db, list, memberId) =>
        {
            if (list.Items.Any(i => i.Code == cleanCode))
            {
                return WatchlistResult.Of(WatchlistOutcome.Duplicate);
            }

            if (list.Items.Count >= MaxItems)
            {
                return WatchlistResult.Of(WatchlistOutcome.Full);
            }

            var item = NewItem(db, list, memberId, await AdderNameAsync(db, member, memberId, ct), cleanCode, cleanNote);
            return WatchlistResult.Ok(item.Id);
        }, ct);
    }

    public Task<WatchlistResult> RemoveAsync(ClaimsPrincipal member, Guid listId, Guid itemId, CancellationToken ct = default) =>
        ChangeAsync(member, listId, WatchlistChangeKind.Removed, (db, list, _) =>
        {
            if (list.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
            {
                return Task.FromResult(WatchlistResult.Of(WatchlistOutcome.NotFound));
            }

            list.Items.Remove(item);
            db.WatchlistItems.Remove(item);
            Renumber(list.Items.OrderBy(i => i.Position));
            return Task.FromResult(WatchlistResult.Ok(itemId));
        }, ct);

    /// <summary>Moves the item to <paramref name="toIndex"/> (0 first) in the list as it is now.</summary>
    public Task<WatchlistResult> MoveAsync(ClaimsPrincipal member, Guid listId, Guid itemId, int toIndex, CancellationToken ct = default) =>
        ChangeAsync(member, listId, WatchlistChangeKind.Moved, (_, list, _) =>
        {
            var ordered = list.Items.OrderBy(i => i.Position).ToList();
            var from = ordered.FindIndex(i => i.Id == itemId);
            if (from < 0)
            {
                return Task.FromResult(WatchlistResult.Of(WatchlistOutcome.NotFound));
            }

            var item = ordered[from];
            ordered.RemoveAt(from);
            ordered.Insert(Math.Clamp(toIndex, 0, ordered.Count), item);
            Renumber(ordered);
            return Task.FromResult(WatchlistResult.Ok(itemId));
        }, ct);

    /// <summary>Sets the item's note unless someone changed it since the member read <paramref name="expectedNote"/>.</summary>
    public Task<WatchlistResult> AnnotateAsync(ClaimsPrincipal member, Guid listId, Guid itemId, string? note, string? expectedNote, CancellationToken ct = default)
    {
        var cleanNote = CleanNote(note);
        if (cleanNote is { Length: > WatchlistItemConfiguration.NoteLength })
        {
            return Task.FromResult(WatchlistResult.Of(WatchlistOutcome.Invalid));
        }

        return ChangeAsync(member, listId, WatchlistChangeKind.Annotated, (_, list, _) =>
        {
            if (list.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
            {
                return Task.FromResult(WatchlistResult.Of(WatchlistOutcome.NotFound));
            }

            if (!string.Equals(item.Note, CleanNote(expectedNote), StringComparison.Ordinal))
            {
                return Task.FromResult(new WatchlistResult(WatchlistOutcome.Conflict, itemId, item.Note));
            }

            item.Note = cleanNote;
            return Task.FromResult(WatchlistResult.Ok(itemId));
        }, ct);
    }

    /// <summary>Adds every row not yet in the list, in file order, until the list is full; reports each row left out.</summary>
    public async Task<WatchlistImportResult> ImportAsync(ClaimsPrincipal member, Guid listId, IReadOnlyList<WatchlistCsvRow> rows, CancellationToken ct = default)
    {
        List<WatchlistCsvError> skipped = [];
        var added = 0;
        var result = await ChangeAsync(member, listId, WatchlistChangeKind.Imported, async (db, list, memberId) =>
        {
            // Reset on every attempt: a retry starts again from the newer list.
            skipped = [];
            added = 0;
            var adder = await AdderNameAsync(db, member, memberId, ct);
            foreach (var row in rows)
            {
                if (list.Items.Any(i => i.Code == row.Code))
                {
                    skipped.Add(new WatchlistCsvError(row.Line, WatchlistCsvProblem.AlreadyListed, row.Code));
                }
                else if (list.Items.Count >= MaxItems)
                {
                    skipped.Add(new WatchlistCsvError(row.Line, WatchlistCsvProblem.ListFull, row.Code));
                }
                else
                {
                    NewItem(db, list, memberId, adder, row.Code, CleanNote(row.Note));
                    added++;
                }
            }

            return WatchlistResult.Ok(list.Id);
        }, ct);
        return new WatchlistImportResult(result.Outcome, result.Succeeded ? added : 0, result.Succeeded ? skipped : []);
    }

    private async Task<WatchlistResult> ChangeAsync(
        ClaimsPrincipal member,
        Guid listId,
        WatchlistChangeKind kind,
        Func<ApplicationDbContext, Watchlist, string, Task<WatchlistResult>> apply,
        CancellationToken ct)
    {
        var memberId = WatchlistAccess.MemberId(member);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var list = await db.Watchlists.Include(l => l.Items)
                .SingleOrDefaultAsync(l => l.Id == listId && (l.OwnerId == null || l.OwnerId == memberId), ct);
            if (list is null)
            {
                return WatchlistResult.Of(WatchlistOutcome.NotFound);
            }

            if (!WatchlistAccess.CanEdit(list, member, memberId))
            {
                return WatchlistResult.Of(WatchlistOutcome.Forbidden);
            }

            var result = await apply(db, list, memberId);
            if (!result.Succeeded)
            {
                return result;
            }

            list.Version++;
            list.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                WatchlistLog.Retrying(logger, listId, kind, attempt);
                continue;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // The unique (list, code) index: another member added the same stock in the same instant.
                return WatchlistResult.Of(WatchlistOutcome.Duplicate);
            }

            await PublishAsync(new WatchlistChange(listId, kind, list.Version, memberId), ct);
            return result;
        }
    }

    /// <summary>How the team knows the member: their e-mail, kept on the item so it outlives the account.</summary>
    private static async Task<string> AdderNameAsync(ApplicationDbContext db, ClaimsPrincipal member, string memberId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == memberId).Select(u => u.Email ?? u.UserName).SingleOrDefaultAsync(ct)
            ?? member.Identity?.Name ?? memberId;

    private WatchlistItem NewItem(ApplicationDbContext db, Watchlist list, string memberId, string name, string code, string? note)
    {
        var item = new WatchlistItem
        {
            Id = Guid.NewGuid(),
            WatchlistId = list.Id,
            Code = code,
            Note = note,
            Position = list.Items.Count == 0 ? 0 : list.Items.Max(i => i.Position) + 1,
            AddedById = memberId,
            AddedByName = name,
            AddedAt = time.GetUtcNow(),
        };
        // Added explicitly: found only through the navigation, an item with its key already set would be taken
        // for an existing row. Tracking it puts it in list.Items too (relationship fix-up).
        db.WatchlistItems.Add(item);
        return item;
    }

    private async Task PublishAsync(WatchlistChange change, CancellationToken ct)
    {
        try
        {
            await changes.PublishAsync(change, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is saved; a lost notification only delays other viewers until their next reload.
            WatchlistLog.PublishFailed(logger, ex, change.Kind, change.ListId);
        }
    }

    private static void Renumber(IEnumerable<WatchlistItem> ordered)
    {
        var position = 0;
        foreach (var item in ordered)
        {
            item.Position = position++;
        }
    }

    private static string? CleanName(string? name) =>
        name?.Trim() is { Length: > 0 and <= WatchlistConfiguration.NameLength } clean ? clean : null;

    private static string? CleanNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
