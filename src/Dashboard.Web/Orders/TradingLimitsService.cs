using System.Globalization;
using System.Security.Claims;
using Dashboard.Kiwoom;
using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Orders;

/// <summary>
/// Admin-set pre-trade limits, member halts and the team halt (SEC-20). Only admins (with 2FA) change
/// them; every change is written to the audit in the same transaction.
/// </summary>
public sealed class TradingLimitsService(
    IAuthorizationService authorization,
    OrderAuditLog audit,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider time,
    IOptions<OrdersOptions> options)
{
    public async Task<IReadOnlyList<MemberLimitsRow>> ListAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await RequireAdminAsync(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var rows = await db.MemberTradingLimits.AsNoTracking().ToDictionaryAsync(l => l.MemberId, ct);
        return [.. users.Select(u => new MemberLimitsRow(
            u.Id, u.Email ?? u.Id, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name,
            rows.TryGetValue(u.Id, out var row) ? ToLimits(row) : TradingLimits.Defaults(options.Value), !rows.ContainsKey(u.Id)))];
    }

    public async Task<TeamHaltState> GetTeamHaltAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.TeamTradingHalts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == TeamTradingHalt.SingletonId, ct);
        return new TeamHaltState(row?.Halted == true, row?.Reason, row?.UpdatedAt);
    }

    /// <summary>Replaces a member's limits; the halt flag is kept (it has its own switch). Null when the values are out of range.</summary>
    public async Task<string?> SetLimitsAsync(ClaimsPrincipal admin, string memberId, TradingLimits limits, CancellationToken ct = default)
    {
        var adminId = await RequireAdminAsync(admin);
        if (limits.MaxOrderValue <= 0 || limits.MaxQuantity <= 0 || limits.PriceCollarPercent is < 1 or > 100 || limits.MaxOrdersPerMinute is < 1 or > 1000)
        {
            return "Out of range: value and quantity above 0, collar 1-100%, 1-1000 orders a minute.";
        }

        var entry = await audit.AppendAsync(async (db, token) =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == memberId, token))
            {
                return null;
            }

            var row = await RowAsync(db, memberId, adminId, token);
            row.MaxOrderValue = limits.MaxOrderValue;
            row.MaxQuantity = limits.MaxQuantity;
            row.PriceCollarPercent = limits.PriceCollarPercent;
            row.MaxOrdersPerMinute = limits.MaxOrdersPerMinute;
            row.AllowSimulator = limits.AllowSimulator;
            row.AllowMock = limits.AllowMock;
            row.AllowProduction = limits.AllowProduction;
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedBy = adminId;
            return new AuditEvent(OrderAuditKind.LimitChanged, memberId, adminId, Details: string.Create(CultureInfo.InvariantCulture,
                $"max value {limits.MaxOrderValue:N0}, max quantity {limits.MaxQuantity:N0}, collar {limits.PriceCollarPercent}%, {limits.MaxOrdersPerMinute}/min, environments {AllowedEnvironments(limits)}"));
        }, ct);
        return entry is null ? "No such member." : null;
    }

    public async Task<bool> SetMemberHaltAsync(ClaimsPrincipal admin, string memberId, bool halted, string? reason, CancellationToken ct = default)
    {
        var adminId = await RequireAdminAsync(admin);
        var entry = await audit.AppendAsync(async (db, token) =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == memberId, token))
            {
                return null;
            }

            var row = await RowAsync(db, memberId, adminId, token);
            row.Halted = halted;
            row.HaltReason = halted ? Reason(reason) : null;
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedBy = adminId;
            return new AuditEvent(OrderAuditKind.HaltChanged, memberId, adminId, Details: halted ? "member halted: " + row.HaltReason : "member halt lifted");
        }, ct);
        return entry is not null;
    }

    public async Task SetTeamHaltAsync(ClaimsPrincipal admin, bool halted, string? reason, CancellationToken ct = default)
    {
        var adminId = await RequireAdminAsync(admin);
        await audit.AppendAsync(async (db, token) =>
        {
            var row = await db.TeamTradingHalts.SingleOrDefaultAsync(h => h.Id == TeamTradingHalt.SingletonId, token);
            if (row is null)
            {
                row = new TeamTradingHalt { UpdatedBy = adminId };
                db.TeamTradingHalts.Add(row);
            }

            row.Halted = halted;
            row.Reason = halted ? Reason(reason) : null;
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedBy = adminId;
            return new AuditEvent(OrderAuditKind.HaltChanged, AuditEvent.Team, adminId, Details: halted ? "team halted: " + row.Reason : "team halt lifted");
        }, ct);
    }

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "-" : reason.Trim()[..Math.Min(reason.Trim().Length, 200)];

    private async Task<MemberTradingLimit> RowAsync(ApplicationDbContext db, string memberId, string adminId, CancellationToken ct)
    {
        var row = await db.MemberTradingLimits.SingleOrDefaultAsync(l => l.MemberId == memberId, ct);
        if (row is null)
        {
            var defaults = TradingLimits.Defaults(options.Value);
            row = new MemberTradingLimit
            {
                MemberId = memberId, MaxOrderValue = defaults.MaxOrderValue, MaxQuantity = defaults.MaxQuantity, PriceCollarPercent = defaults.PriceCollarPercent,
                MaxOrdersPerMinute = defaults.MaxOrdersPerMinute, AllowSimulator = defaults.AllowSimulator, AllowMock = defaults.AllowMock,
                AllowProduction = defaults.AllowProduction, UpdatedBy = adminId,
            };
            db.MemberTradingLimits.Add(row);
        }

        return row;
    }

    private async Task<string> RequireAdminAsync(ClaimsPrincipal admin)
    {
        if (!(await authorization.AuthorizeAsync(admin, DashboardPolicies.Admin)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only an admin with two-factor authentication may change trading limits.");
        }

        return admin.FindFirstValue(ClaimTypes.NameIdentifier)!;
    }

    private static TradingLimits ToLimits(MemberTradingLimit row) => new(
        row.MaxOrderValue, row.MaxQuantity, row.PriceCollarPercent, row.MaxOrdersPerMinute, row.AllowSimulator, row.AllowMock, row.AllowProduction, row.Halted, row.HaltReason);

    /// <summary>The environments a member may trade in, in words for the audit ("simulator, mock"; "none").</summary>
    private static string AllowedEnvironments(TradingLimits limits)
    {
        var allowed = Enum.GetValues<KiwoomEnvironment>().Where(limits.Allows).Select(e => e.ToString().ToLowerInvariant()).ToArray();
        return allowed.Length == 0 ? "none" : string.Join(", ", allowed);
    }
}
