using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Api.Data;

/// <summary>
/// The raw SQL behind the SQLite substring-search index, kept apart from the generated migrations so a migration that
/// must be regenerated (a snapshot conflict on merge) only needs its one call re-added.
/// <para>
/// Each searchable table (<c>Articles</c>, <c>Directives</c>) gets an FTS5 table with the <c>trigram</c> tokenizer
/// over its pre-folded <c>SearchText</c> column. It is an external-content table (it stores the index, not a second
/// copy of the text), kept in step by three triggers. The tokenizer is case-sensitive: the text and the query are
/// both folded already, and an index of the exact code points makes a phrase query (what
/// <see cref="Infrastructure.SubstringSearch"/> sends) match exactly where LIKE on the folded text would.
/// </para>
/// <para>
/// The index follows the main table's rowids. SQLite drops a table's triggers with the table, and EF Core rebuilds a
/// SQLite table (create, copy, drop, rename) for some column changes: a later migration that rebuilds
/// <c>Articles</c> or <c>Directives</c> must call <see cref="CreateSqlite"/> again after the rebuild, which recreates
/// the triggers and rebuilds the index from the table. A test checks that the triggers exist after every migration.
/// </para>
/// </summary>
public static class SearchIndexSql
{
    /// <summary>A table searched through a trigram index: its name and that of its FTS5 index.</summary>
    /// <param name="Table">The main table, which has a <c>SearchText</c> column.</param>
    /// <param name="Index">The FTS5 table indexing that column.</param>
    public sealed record SearchedTable(string Table, string Index);

    /// <summary>Articles, searched by the article list's <c>q</c>.</summary>
    public static readonly SearchedTable Articles = new("Articles", "ArticlesSearchIndex");

    /// <summary>Directives, searched by the directive list's <c>q</c> and <c>field</c>.</summary>
    public static readonly SearchedTable Directives = new("Directives", "DirectivesSearchIndex");

    /// <summary>Every table with a search index.</summary>
    public static readonly IReadOnlyList<SearchedTable> Tables = [Articles, Directives];

    /// <summary>
    /// Creates (or recreates) the FTS5 trigram indexes and their triggers, and fills them from the existing rows.
    /// Idempotent: running it on a database that has them rebuilds them.
    /// </summary>
    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in Tables.SelectMany(CreateStatements))
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>Drops what <see cref="CreateSqlite"/> creates.</summary>
    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in Tables.SelectMany(DropStatements))
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>The names of the triggers that keep <paramref name="table"/>'s index in step.</summary>
    public static IReadOnlyList<string> TriggerNames(SearchedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [$"{table.Index}_Insert", $"{table.Index}_Update", $"{table.Index}_Delete"];
    }

    /// <summary>
    /// The statements <see cref="CreateSqlite"/> runs for one table: drop what exists, create the FTS5 table and its
    /// triggers, and index every row the table holds. A bulk load may run <see cref="DropStatements"/> first, insert
    /// without the triggers' per-row cost, and run these once at the end.
    /// </summary>
    public static IEnumerable<string> CreateStatements(SearchedTable t)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var statement in DropStatements(t))
        {
            yield return statement;
        }

        var triggers = TriggerNames(t);
        yield return $"""
            CREATE VIRTUAL TABLE "{t.Index}" USING fts5(
                "SearchText", content='{t.Table}', content_rowid='rowid', tokenize='trigram case_sensitive 1');
            """;
        yield return $"""
            CREATE TRIGGER "{triggers[0]}" AFTER INSERT ON "{t.Table}" BEGIN
                INSERT INTO "{t.Index}"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
            END;
            """;
        // Only writes that change the text touch the index (view-count flushes and status changes do not).
        yield return $"""
            CREATE TRIGGER "{triggers[1]}" AFTER UPDATE OF "SearchText" ON "{t.Table}"
            WHEN old."SearchText" IS NOT new."SearchText" BEGIN
                INSERT INTO "{t.Index}"("{t.Index}", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                INSERT INTO "{t.Index}"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
            END;
            """;
        yield return $"""
            CREATE TRIGGER "{triggers[2]}" AFTER DELETE ON "{t.Table}" BEGIN
                INSERT INTO "{t.Index}"("{t.Index}", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
            END;
            """;
        // Backfill: index every row the table already holds.
        yield return $"""INSERT INTO "{t.Index}"("{t.Index}") VALUES ('rebuild');""";
    }

    /// <summary>The statements that drop one table's FTS5 index and its triggers (the main table is untouched).</summary>
    public static IEnumerable<string> DropStatements(SearchedTable t)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var trigger in TriggerNames(t))
        {
            yield return $"""DROP TRIGGER IF EXISTS "{trigger}";""";
        }

        yield return $"""DROP TABLE IF EXISTS "{t.Index}";""";
    }
}
