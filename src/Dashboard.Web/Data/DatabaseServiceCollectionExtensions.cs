using Dashboard.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Data;

/// <summary>Chooses the database engine from configuration: SQLite by default, PostgreSQL for several instances.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <remarks>
    /// The factory pools contexts: the order path creates two or three per order, and building a new context's services
    /// each time was about 8 % of the process's CPU in S5 (perf, docs/benchmarks.md). A pooled context is reset when
    /// returned; nothing in the app keeps state on a context past its use.
    /// </remarks>
    public static WebApplicationBuilder AddDashboardDatabase(this WebApplicationBuilder builder, string dataPath)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = builder.Configuration.GetConnectionString("Dashboard");
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(configured))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Dashboard is empty; set it, e.g. \"Host=db;Database=dashboard;Username=dashboard;Password=...\".");
                }

                builder.Services.AddPooledDbContextFactory<ApplicationDbContext>(o => ApplicationDbContext.UseIdentitySchemaModelCache(
                    o.UseNpgsql(configured, npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly))));
                break;
            default:
                // A busy timeout instead of "database is locked" when two writers meet (REL-12); WAL is set at startup.
                var sqlite = configured ?? DefaultSqlite(dataPath);
                builder.Services.AddPooledDbContextFactory<ApplicationDbContext>(o => ApplicationDbContext.UseIdentitySchemaModelCache(o.UseSqlite(sqlite)));
                break;
        }

        return builder;
    }

    private static string DefaultSqlite(string dataPath)
    {
        var databasePath = Path.Combine(dataPath, "dashboard.db");
        if (!File.Exists(databasePath))
        {
            // SQLite takes an empty file as an empty database and gives its -wal/-shm files the same mode (0600).
            using var created = new FileStream(databasePath, OwnerOnly.NewFile(FileMode.CreateNew));
        }

        return $"Data Source={databasePath};Cache=Private;Pooling=True;Default Timeout=30";
    }
}
