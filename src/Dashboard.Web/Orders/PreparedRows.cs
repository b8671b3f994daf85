using Dashboard.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Web.Orders;

/// <summary>
/// SQLite: writes what a run of in-memory audit decisions changed (new intents, changed intents, audit rows) with
/// prepared INSERT and UPDATE commands on the audit writer's one long-lived connection, instead of SaveChanges,
/// which builds, batches and has SQLite parse its SQL again for every run. The SQL, the columns and each value's
/// conversion come from the EF model (the same type mappings SaveChanges uses), so a row is stored exactly as
/// SaveChanges would store it; a model change changes these statements with it.
/// A statement that fails throws <see cref="DbUpdateException"/> like SaveChanges, and the writer fails the batch.
/// </summary>
internal sealed class PreparedRows(ApplicationDbContext db) : IDisposable
{
    private readonly Dictionary<(IEntityType Type, EntityState State), Statement?> statements = [];

    /// <summary>
    /// Writes every pending change of the context in one go: intents first, then the audit rows in sequence order.
    /// Returns false, having written nothing, when a change is of a kind it does not write (another entity, a delete,
    /// a value the database generates): the caller saves with EF then.
    /// </summary>
    public bool TryWrite(IDbContextTransaction transaction)
    {
        db.ChangeTracker.DetectChanges();
        var changes = new List<(EntityEntry Entry, Statement Statement)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (StatementFor(entry.Metadata, entry.State) is not { } statement)
            {
                return false;
            }

            changes.Add((entry, statement));
        }

        var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
        foreach (var (entry, statement) in changes
            .OrderBy(c => c.Entry.Entity is OrderAuditEntry)
            .ThenBy(c => c.Entry.Entity is OrderAuditEntry row ? row.Sequence : 0))
        {
            statement.Execute(entry, sqliteTransaction);
        }

        return true;
    }

    public void Dispose()
    {
        foreach (var statement in statements.Values)
        {
            statement?.Dispose();
        }

        statements.Clear();
    }

    private Statement? StatementFor(IEntityType type, EntityState state)
    {
        if (!statements.TryGetValue((type, state), out var statement))
        {
            statement = Statement.Build(db, type, state);
            statements[(type, state)] = statement;
        }

        return statement;
    }

    /// <summary>One prepared INSERT or UPDATE of one table, its parameters in the order of <see cref="properties"/>.</summary>
    private sealed class Statement(SqliteCommand command, IProperty[] properties, RelationalTypeMapping[] mappings, string table) : IDisposable
    {
        /// <summary>Only the audit's own tables, only inserts and updates, only columns the application assigns.</summary>
        public static Statement? Build(ApplicationDbContext db, IEntityType type, EntityState state)
        {
            if ((type.ClrType != typeof(OrderIntent) && type.ClrType != typeof(OrderAuditEntry))
                || state is not (EntityState.Added or EntityState.Modified)
                || type.GetTableName() is not { } tableName
                || type.GetProperties().Any(p => p.ValueGenerated != ValueGenerated.Never || p.IsConcurrencyToken))
            {
                return null;
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            var store = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            var table = sql.DelimitIdentifier(tableName, type.GetSchema());
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(store)!);

            // The key goes last: in an UPDATE it is the WHERE clause.
            var key = type.FindPrimaryKey()!.Properties;
            var properties = type.GetProperties().Where(p => !key.Contains(p)).Concat(key).ToArray();
            var names = properties.Select((_, n) => "@p" + n).ToArray();
            var text = state == EntityState.Added
                ? $"INSERT INTO {table} ({string.Join(", ", properties.Select(Column))}) VALUES ({string.Join(", ", names)})"
                : $"UPDATE {table} SET {string.Join(", ", properties.Take(properties.Length - key.Count).Select((p, n) => $"{Column(p)} = {names[n]}"))}"
                    + $" WHERE {string.Join(" AND ", key.Select((p, n) => $"{Column(p)} = {names[properties.Length - key.Count + n]}"))}";

            var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = text;
            command.Prepare();
            return new Statement(command, properties, [.. properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())], tableName);
        }

        public void Execute(EntityEntry entry, SqliteTransaction transaction)
        {
            command.Transaction = transaction;
            command.Parameters.Clear();
            for (var n = 0; n < properties.Length; n++)
            {
                // The property's own mapping converts the value (enums to text, times to ticks) as SaveChanges does.
                command.Parameters.Add(mappings[n].CreateParameter(command, "@p" + n, entry.CurrentValues[properties[n]], properties[n].IsNullable));
            }

            int changed;
            try
            {
                changed = command.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                throw new DbUpdateException($"Writing a row of {table} failed: {ex.Message}", ex);
            }

            if (changed != 1)
            {
                throw new DbUpdateConcurrencyException($"Expected to write one row of {table}, wrote {changed}.");
            }
        }

        public void Dispose() => command.Dispose();
    }
}
