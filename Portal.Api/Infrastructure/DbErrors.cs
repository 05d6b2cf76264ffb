using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Recognises constraint violations so that races surface as 409/412, never as 500. A foreign-key violation no
/// handler expected (two writers racing over a reference) is answered 409 by <see cref="ForeignKeyConflictHandler"/>.
/// </summary>
internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresForeignKeyViolation = "23503";

    /// <summary>True when <paramref name="ex"/> was caused by a unique index or primary key (SQLite or PostgreSQL).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        { } inner => SqlState(inner) == PostgresUniqueViolation,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="ex"/> was caused by a foreign key: a row deleted while another still refers to it, or
    /// a reference written to a row deleted meanwhile (SQLite or PostgreSQL).
    /// </summary>
    public static bool IsForeignKeyViolation(DbUpdateException ex) => ex.InnerException switch
    {
        // The extended code is not always carried for a foreign-key failure (a RESTRICT action); SQLite's message is fixed text.
        SqliteException { SqliteErrorCode: SqliteConstraint } s => s.SqliteExtendedErrorCode == SqliteConstraintForeignKey
            || s.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal),
        { } inner => SqlState(inner) == PostgresForeignKeyViolation,
        _ => false,
    };

    private static string? SqlState(Exception inner) => inner.GetType().GetProperty("SqlState")?.GetValue(inner) as string;
}

/// <summary>
/// The last line for the whole class of reference races (a category deleted while an article is moved into it, an
/// issuing body deleted while a directive names it…): a save the database refused for a foreign key is a 409 problem
/// — the request met a state another writer changed — never a 500. Handlers that expect the race answer it themselves.
/// </summary>
internal sealed class ForeignKeyConflictHandler(IProblemDetailsService problems) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateException update || !DbErrors.IsForeignKeyViolation(update))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Another change removed or still uses an item this request refers to; nothing was changed. Read the items again and retry.",
            },
        });
    }
}
