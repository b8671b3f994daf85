using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dashboard.Kiwoom;
using Dashboard.Web.Data;
using Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Connections;

/// <summary>
/// A member's broker connections. Every query is filtered by the acting member's id, so nobody can
/// read, change or use another member's connection by guessing its id (SEC-13).
/// </summary>
public sealed class ConnectionService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    CredentialProtector protector,
    SimulatorAddress simulator,
    TimeProvider time)
{
    public const int MaxConnectionsPerMember = 10;

    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(ClaimsPrincipal member, CancellationToken ct = default)
    {
        var ownerId = OwnerId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.BrokerConnections.Where(c => c.OwnerId == ownerId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var changed = false;
        foreach (var row in rows.Where(r => r.Status != BrokerConnectionStatus.NeedsReentry))
        {
            // A lost or replaced key ring shows up here, as a state the member can fix, not as a crash.
            if (!protector.TryUnprotect(ownerId, row.ProtectedAppKey, out _) || !protector.TryUnprotect(ownerId, row.ProtectedSecretKey, out _))
            {
                row.Status = BrokerConnectionStatus.NeedsReentry;
                changed = true;
            }
        }

        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }

        return rows.Select(ToSummary).ToList();
    }

    public async Task<ConnectionSaveResult> AddAsync(ClaimsPrincipal member, ConnectionInput input, CancellationToken ct = default)
    {
        var ownerId = OwnerId(member);
        var errors = Validate(input, requireKeys: true);
        if (errors.Count > 0)
        {
            return new ConnectionSaveResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.BrokerConnections.CountAsync(c => c.OwnerId == ownerId, ct) >= MaxConnectionsPerMember)
        {
            return ConnectionSaveResult.Invalid(ValidationText.TooManyConnections);
        }

        var row = NewRow(ownerId, input.Label.Trim(), input.Environment, input.AppKey.Trim(), input.SecretKey.Trim());
        db.BrokerConnections.Add(row);
        await db.SaveChangesAsync(ct);
        return new ConnectionSaveResult(row.Id, []);
    }

    /// <summary>Changes label and environment; new keys replace the stored ones only when both are given.</summary>
    public async Task<ConnectionSaveResult> UpdateAsync(ClaimsPrincipal member, Guid id, ConnectionInput input, CancellationToken ct = default)
    {
        var ownerId = OwnerId(member);
        var replacingKeys = input.AppKey.Length > 0 || input.SecretKey.Length > 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.BrokerConnections.SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == ownerId, ct);
        if (row is null)
        {
            return ConnectionSaveResult.Invalid(ValidationText.ConnectionNotFound);
        }

        var errors = Validate(input, requireKeys: replacingKeys || row.Status == BrokerConnectionStatus.NeedsReentry);
        if (errors.Count > 0)
        {
            return new ConnectionSaveResult(null, errors);
        }

        row.Label = input.Label.Trim();
        if (row.Environment != input.Environment)
        {
            row.Environment = input.Environment;
            row.Status = BrokerConnectionStatus.Untested;
            row.AccountMasked = null;
        }

        if (replacingKeys)
        {
            row.ProtectedAppKey = protector.Protect(ownerId, input.AppKey.Trim());
            row.ProtectedSecretKey = protector.Protect(ownerId, input.SecretKey.Trim());
            row.AppKeyHint = Secrets.Mask(input.AppKey.Trim());
            row.Status = BrokerConnectionStatus.Untested;
            row.AccountMasked = null;
        }

        await db.SaveChangesAsync(ct);
        return new ConnectionSaveResult(row.Id, []);
    }

    public async Task<bool> DeleteAsync(ClaimsPrincipal member, Guid id, CancellationToken ct = default)
    {
        var ownerId = OwnerId(member);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BrokerConnections.Where(c => c.Id == id && c.OwnerId == ownerId).ExecuteDeleteAsync(ct) == 1;
    }

    /// <summary>Opens a member's connection for a broker call; for the acting member in a circuit.</summary>
    public Task<CredentialUnlock> UnlockAsync(ClaimsPrincipal member, Guid id, CancellationToken ct = default) =>
        UnlockForOwnerAsync(OwnerId(member), id, ct);

    /// <summary>
    /// Opens a connection by owner id, for background sessions that act for a member without a circuit.
    /// The caller must already have established that it acts for <paramref name="ownerId"/>.
    /// </summary>
    public async Task<CredentialUnlock> UnlockForOwnerAsync(string ownerId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.BrokerConnections.SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == ownerId, ct);
        if (row is null)
        {
            return CredentialUnlock.Missing(id);
        }

        if (!protector.TryUnprotect(ownerId, row.ProtectedAppKey, out var appKey) || !protector.TryUnprotect(ownerId, row.ProtectedSecretKey, out var secretKey))
        {
            if (row.Status != BrokerConnectionStatus.NeedsReentry)
            {
                row.Status = BrokerConnectionStatus.NeedsReentry;
                await db.SaveChangesAsync(ct);
            }

            return CredentialUnlock.Reentry(id);
        }

        var baseUrl = row.Environment == KiwoomEnvironment.Simulator ? simulator.Resolve() : null;
        if (row.Environment == KiwoomEnvironment.Simulator && baseUrl is null)
        {
            throw new InvalidOperationException("The simulator address is unknown: set SimulatorHosting:BaseUrl.");
        }

        return new CredentialUnlock(id, new KiwoomCredential(appKey, secretKey, row.Environment, baseUrl), false, false, row.Status == BrokerConnectionStatus.Verified);
    }

    /// <summary>
    /// Marks the owner's connection verified because a session on its keys went live (the broker issued a
    /// token and accepted the socket's LOGIN): that proves the keys as well as the "test" button does.
    /// </summary>
    public async Task MarkLiveAsync(string ownerId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.BrokerConnections
            .Where(c => c.Id == id && c.OwnerId == ownerId && c.Status != BrokerConnectionStatus.Verified && c.Status != BrokerConnectionStatus.NeedsReentry)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, BrokerConnectionStatus.Verified).SetProperty(c => c.LastTestedAt, time.GetUtcNow()), ct);
    }

    /// <summary>Stores the outcome of a connection test for the owner's own connection.</summary>
    public async Task RecordTestAsync(string ownerId, Guid id, bool succeeded, string? account, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.BrokerConnections.SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == ownerId, ct);
        if (row is null)
        {
            return;
        }

        row.Status = succeeded ? BrokerConnectionStatus.Verified : BrokerConnectionStatus.Failed;
        row.LastTestedAt = time.GetUtcNow();
        if (account is not null)
        {
            row.AccountMasked = Secrets.MaskAccount(account);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Gives a new member a simulator connection with fresh random keys, so the first screen is live.</summary>
    public async Task ProvisionSimulatorAsync(string ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appKey = "SIM" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        db.BrokerConnections.Add(NewRow(ownerId, "Simulator", KiwoomEnvironment.Simulator, appKey, secret));
        await db.SaveChangesAsync(ct);
    }

    internal static string OwnerId(ClaimsPrincipal member) =>
        member.Identity?.IsAuthenticated == true
            ? member.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The member has no id claim.")
            : throw new UnauthorizedAccessException("Connections need a signed-in member.");

    private static List<string> Validate(ConnectionInput input, bool requireKeys)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results.Select(r => r.ErrorMessage ?? string.Empty).ToList();
        if (!Enum.IsDefined(input.Environment))
        {
            errors.Add(ValidationText.EnvironmentInvalid);
        }

        if (requireKeys && string.IsNullOrWhiteSpace(input.AppKey))
        {
            errors.Add(ValidationText.AppKeyRequired);
        }

        if (requireKeys && string.IsNullOrWhiteSpace(input.SecretKey))
        {
            errors.Add(ValidationText.SecretKeyRequired);
        }

        return errors;
    }

    private BrokerConnection NewRow(string ownerId, string label, KiwoomEnvironment environment, string appKey, string secretKey) => new()
    {
        Id = Guid.NewGuid(),
        OwnerId = ownerId,
        Label = label,
        Environment = environment,
        ProtectedAppKey = protector.Protect(ownerId, appKey),
        ProtectedSecretKey = protector.Protect(ownerId, secretKey),
        AppKeyHint = Secrets.Mask(appKey),
        Status = BrokerConnectionStatus.Untested,
        CreatedAt = time.GetUtcNow(),
    };

    private static ConnectionSummary ToSummary(BrokerConnection row) =>
        new(row.Id, row.Label, row.Environment, row.AppKeyHint, row.AccountMasked, row.Status, row.LastTestedAt);
}
