using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.ScaleOut.Tests;

/// <summary>The real host with Database:Provider=Postgres on a fresh database: migrations, triggers, errors.</summary>
public sealed class PostgresProviderTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;
    private OrdersHost host = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        host = new OrdersHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Dashboard"] = database.ConnectionString,
        });
        _ = host.Services; // starts the host, which migrates
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task<ApplicationDbContext> ContextAsync() =>
        host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task ThePostgresMigrationsMatchTheModelAndAreApplied()
    {
        await using var db = await ContextAsync();
        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a PostgreSQL migration too (see docs/operations.md)");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialPostgres", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UPDATE \"OrderAudit\" SET \"Details\" = 'changed' WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM \"OrderAudit\" WHERE \"Sequence\" = 1")]
    [InlineData("TRUNCATE \"OrderAudit\"")]
    public async Task TheDatabaseRefusesToChangeOrRemoveAuditRows(string statement)
    {
        await host.Audit.AppendAsync(new AuditEvent(OrderAuditKind.LimitChanged, "m1", "admin", Details: "test"));
        await using var raw = await database.OpenAsync();
        await using var command = new NpgsqlCommand(statement, raw);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
        Assert.Single(await host.AuditRowsAsync());
    }

    [Fact]
    public async Task AUniqueIndexViolationIsRecognizedOnPostgres()
    {
        await using (var first = await ContextAsync())
        {
            first.Invitations.Add(NewInvitation("same-hash"));
            await first.SaveChangesAsync();
        }

        await using var second = await ContextAsync();
        second.Invitations.Add(NewInvitation("same-hash"));
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        Assert.True(UniqueViolation.Is(ex));
    }

    private static Invitation NewInvitation(string hash) => new()
    {
        Id = Guid.NewGuid(),
        TokenHash = hash,
        Role = "Viewer",
        CreatedById = "admin",
        ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
    };
}
