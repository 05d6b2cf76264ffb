using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;

namespace Portal.Bench.Seed;

/// <summary>
/// The bulk-load path for the SQLite search index (<see cref="SearchIndexSql"/>): its triggers add each row to the
/// FTS5 trigram index as it is written, which makes seeding 100,000 articles of 3-5 KB take hours. The seeder drops
/// the indexes and triggers first and creates them once at the end, which indexes every row in one pass — the same
/// statements the migration runs, so the result is the index Portal keeps in step afterwards. PostgreSQL's
/// <c>pg_trgm</c> index is an ordinary index and is left alone.
/// </summary>
internal static class BulkSearchIndex
{
    /// <summary>Drops the FTS5 indexes and their triggers (SQLite only).</summary>
    public static Task DropAsync(IServiceProvider services, CancellationToken ct) =>
        RunAsync(services, SearchIndexSql.DropStatements, ct);

    /// <summary>Creates the FTS5 indexes and triggers again and indexes every row (SQLite only).</summary>
    public static Task CreateAsync(IServiceProvider services, CancellationToken ct) =>
        RunAsync(services, SearchIndexSql.CreateStatements, ct);

    private static async Task RunAsync(
        IServiceProvider services, Func<SearchIndexSql.SearchedTable, IEnumerable<string>> statements, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var statement in SearchIndexSql.Tables.SelectMany(statements))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }

        await tx.CommitAsync(ct);
    }
}
