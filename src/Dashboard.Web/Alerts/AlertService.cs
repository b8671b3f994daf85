using System.Security.Claims;
using Dashboard.Web.Data;
using Dashboard.Web.Watchlists;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Alerts;

/// <summary>
/// Members' alerts, their history and the notification opt-in. Every read and write is filtered by the
/// acting member (SEC-13): another member's alert is "not found", whatever the id.
/// </summary>
public sealed class AlertService(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider time)
{
    public const int MaxAlertsPerMember = 100;
    public const int HistoryPage = 50;

    /// <summary>Raised with the owner's id after their rules changed, so the live evaluator reloads them.</summary>
    public event Action<string>? RulesChanged;

    public async Task<IReadOnlyList<PriceAlert>> ListAsync(ClaimsPrincipal member, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PriceAlerts.AsNoTracking().Where(a => a.OwnerId == ownerId).ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.CreatedAt)];
    }

    /// <summary>Creates an alert; the result is the new id, or the resource key of what is wrong with the input.</summary>
    public async Task<(Guid? Id, string? Problem)> CreateAsync(ClaimsPrincipal member, AlertInput input, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        var clean = input with { Code = (input.Code ?? string.Empty).Trim().ToUpperInvariant() };
        if (clean.Validate() is { } problem)
        {
            return (null, problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PriceAlerts.CountAsync(a => a.OwnerId == ownerId, ct) >= MaxAlertsPerMember)
        {
            return (null, "TooMany");
        }

        var alert = new PriceAlert
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            Code = clean.Code,
            Kind = clean.Kind,
            Threshold = clean.Threshold,
            WindowMinutes = clean.Kind is AlertKind.RateOfChange or AlertKind.VolumeSpike ? clean.WindowMinutes : 0,
            Rearm = clean.Rearm,
            CreatedAt = time.GetUtcNow(),
        };
        db.PriceAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        RulesChanged?.Invoke(ownerId);
        return (alert.Id, null);
    }

    /// <summary>Switches an alert on (armed afresh) or off; false when it is not the member's.</summary>
    public async Task<bool> SetEnabledAsync(ClaimsPrincipal member, Guid alertId, bool enabled, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.PriceAlerts.Where(a => a.Id == alertId && a.OwnerId == ownerId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Enabled, enabled), ct);
        if (changed > 0)
        {
            RulesChanged?.Invoke(ownerId);
        }

        return changed > 0;
    }

    public async Task<bool> DeleteAsync(ClaimsPrincipal member, Guid alertId, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.PriceAlerts.Where(a => a.Id == alertId && a.OwnerId == ownerId).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            RulesChanged?.Invoke(ownerId);
        }

        return deleted > 0;
    }

    /// <summary>The member's fired alerts, newest first.</summary>
    public async Task<IReadOnlyList<AlertFiring>> HistoryAsync(ClaimsPrincipal member, int take = HistoryPage, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertFirings.AsNoTracking().Where(f => f.OwnerId == ownerId)
            .OrderByDescending(f => f.FiredAt).ThenByDescending(f => f.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    public async Task<bool> WantsBrowserNotificationsAsync(ClaimsPrincipal member, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertPreferences.Where(p => p.OwnerId == ownerId).Select(p => p.BrowserNotifications).SingleOrDefaultAsync(ct);
    }

    public async Task SetBrowserNotificationsAsync(ClaimsPrincipal member, bool wanted, CancellationToken ct = default)
    {
        var ownerId = WatchlistAccess.MemberId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var preference = await db.AlertPreferences.SingleOrDefaultAsync(p => p.OwnerId == ownerId, ct);
        if (preference is null)
        {
            db.AlertPreferences.Add(new AlertPreference { OwnerId = ownerId, BrowserNotifications = wanted });
        }
        else
        {
            preference.BrowserNotifications = wanted;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The enabled rules of one member, for the evaluator that serves them (called by the server, not a page).</summary>
    internal async Task<IReadOnlyList<AlertRule>> ActiveRulesAsync(string ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PriceAlerts.AsNoTracking().Where(a => a.OwnerId == ownerId && a.Enabled).ToListAsync(ct);
        return [.. rows.Select(AlertRule.From)];
    }

    /// <summary>
    /// Writes a firing to the history and switches a one-shot alert off, in one save. Null when the alert
    /// was deleted or switched off meanwhile (then nothing is recorded or shown).
    /// </summary>
    internal async Task<AlertNotice?> RecordAsync(string ownerId, AlertHit hit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.PriceAlerts.SingleOrDefaultAsync(a => a.Id == hit.Rule.Id && a.OwnerId == ownerId && a.Enabled, ct);
        if (alert is null)
        {
            return null;
        }

        alert.LastFiredAt = hit.At;
        alert.Enabled = alert.Rearm;
        db.AlertFirings.Add(new AlertFiring
        {
            OwnerId = ownerId,
            AlertId = alert.Id,
            Code = alert.Code,
            Kind = alert.Kind,
            Threshold = alert.Threshold,
            WindowMinutes = alert.WindowMinutes,
            Value = hit.Value,
            FiredAt = hit.At,
        });
        await db.SaveChangesAsync(ct);
        return new AlertNotice(alert.Id, alert.Code, alert.Kind, alert.Threshold, alert.WindowMinutes, hit.Value, hit.At, alert.Enabled);
    }
}
