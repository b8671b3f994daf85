using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Web.Data;

/// <summary>Recognizes a unique-index violation whichever engine raised it.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    public static bool Is(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };
}
