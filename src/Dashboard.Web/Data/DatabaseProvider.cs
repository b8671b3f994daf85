namespace Dashboard.Web.Data;

/// <summary>Which database engine holds the dashboard's data (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app (WAL); the default for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by several instances; needs <c>ConnectionStrings:Dashboard</c>.</summary>
    Postgres,
}
