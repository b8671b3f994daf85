namespace Dashboard.Web.Data;

/// <summary>Settings under the "Database" section; the connection string is <c>ConnectionStrings:Dashboard</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The assembly that holds the PostgreSQL migrations (SQLite's live beside the context in Dashboard.Web).</summary>
    public const string PostgresMigrationsAssembly = "Dashboard.Web.Migrations.Postgres";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
