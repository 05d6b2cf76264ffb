using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Infrastructure;

/// <summary>Recognises constraint violations so that races surface as 409/412, never as 500.</summary>
internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>True when <paramref name="ex"/> was caused by a unique index or primary key (SQLite or PostgreSQL).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        { } inner => inner.GetType().GetProperty("SqlState")?.GetValue(inner) as string == PostgresUniqueViolation,
        _ => false,
    };
}
