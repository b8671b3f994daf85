using System.Globalization;
using System.Security.Claims;
using System.Text;
using Dashboard.Web.Data;
using Dashboard.Kiwoom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Orders;

/// <summary>
/// Reading the audit: admins and auditors only (SEC-14), every member's rows. Read-only by construction:
/// there is no way to change a row here, and the database refuses it anyway.
/// </summary>
public sealed class AuditQueryService(
    IAuthorizationService authorization, OrderAuditLog audit, IDbContextFactory<ApplicationDbContext> dbFactory, IStringLocalizer<OrdersText> text)
{
    public const int MaxExportRows = 100_000;

    public async Task<AuditRowsPage> SearchAsync(ClaimsPrincipal reader, AuditFilter filter, CancellationToken ct = default)
    {
        await RequireReaderAsync(reader);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.OrderAudit.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, 500);
        var rows = await query.OrderByDescending(a => a.Sequence).Skip(Math.Max(0, filter.Page) * size).Take(size).ToListAsync(ct);
        return new AuditRowsPage(rows, total);
    }

    /// <summary>Members for the viewer's filter: id and e-mail.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> MembersAsync(ClaimsPrincipal reader, CancellationToken ct = default)
    {
        await RequireReaderAsync(reader);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        return [.. users.Select(u => new KeyValuePair<string, string>(u.Id, u.Email ?? u.Id))];
    }

    public async Task<AuditVerification> VerifyAsync(ClaimsPrincipal reader, CancellationToken ct = default)
    {
        await RequireReaderAsync(reader);
        return await audit.VerifyAsync(ct);
    }

    public const string CsvHeader = "sequence,time_kst,member,actor,connection,intent,kind,kind_code,stock,side,quantity,price,trade_type,trade_type_code,order_no,details,previous_hash,hash";

    /// <summary>
    /// The filtered rows as CSV, oldest first: UTF-8 with a BOM so spreadsheet programs read Korean; kinds, sides
    /// and trade types by name in the UI culture (kinds and trade types also by their codes, for scripts), members by
    /// e-mail, as the viewer shows them. Details were
    /// scrubbed of account numbers when written, so the file holds none either.
    /// </summary>
    public async Task<byte[]> ExportCsvAsync(ClaimsPrincipal reader, AuditFilter filter, CancellationToken ct = default)
    {
        await RequireReaderAsync(reader);
        var emails = (await MembersAsync(reader, ct)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        string Who(string id) => id switch
        {
            AuditEvent.Team => text["Team"],
            AuditEvent.System => text["AuditSystem"],
            _ => emails.GetValueOrDefault(id, id),
        };

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var csv = new StringBuilder(CsvHeader).Append("\r\n");
        await foreach (var r in Apply(db.OrderAudit.AsNoTracking(), filter).OrderBy(a => a.Sequence).Take(MaxExportRows).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.AppendJoin(',', [
                r.Sequence.ToString(CultureInfo.InvariantCulture), KoreaTime.ToKorea(r.At).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                Cell(Who(r.MemberId)), Cell(Who(r.ActorId)), r.ConnectionId?.ToString() ?? string.Empty, r.IntentId?.ToString() ?? string.Empty,
                Cell(AuditNames.Kind(text, r.Kind)), r.Kind.ToString(), Cell(r.StockCode), Cell(AuditNames.Side(text, r.Side)), r.Quantity?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                r.Price?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Cell(AuditNames.TradeType(text, r.TradeType)), Cell(r.TradeType), Cell(r.OrderNumber),
                Cell(r.Details), r.PreviousHash, r.Hash]).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static IQueryable<OrderAuditEntry> Apply(IQueryable<OrderAuditEntry> query, AuditFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.MemberId))
        {
            query = query.Where(a => a.MemberId == f.MemberId);
        }

        if (!string.IsNullOrWhiteSpace(f.StockCode))
        {
            var code = f.StockCode.Trim().ToUpperInvariant();
            query = query.Where(a => a.StockCode == code);
        }

        if (f.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (f.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), KoreaTime.Offset);
            query = query.Where(a => a.At >= start);
        }

        if (f.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), KoreaTime.Offset);
            query = query.Where(a => a.At < end);
        }

        return query;
    }

    // Quote every text cell, and defuse spreadsheet formulas (=, +, -, @ at the start).
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private async Task RequireReaderAsync(ClaimsPrincipal reader)
    {
        if (!(await authorization.AuthorizeAsync(reader, OrderPolicies.ReadAudit)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only admins and auditors may read the order audit.");
        }
    }
}
