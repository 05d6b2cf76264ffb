using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Api.Data;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Portal.Domain.Directives;
using Portal.Domain.Text;

namespace Portal.Api.Infrastructure;

/// <summary>
/// The lists' text search: every folded term must occur as a substring of the pre-folded <c>SearchText</c> column
/// (<see cref="VietnameseText.Fold"/> on both sides, so case, tone marks and đ never matter; '%' and '_' are literal).
/// <para>
/// Both engines answer through a trigram index rather than a scan. PostgreSQL needs nothing but the query
/// <c>SearchText LIKE '%term%'</c>, which its <c>pg_trgm</c> GIN index serves. SQLite's FTS5 trigram index
/// (<see cref="SearchIndexSql"/>) answers an FTS5 phrase query per term (<see cref="MatchQuery"/>), exact without
/// reading the text back. A term needs three characters to make a trigram; shorter terms stay a LIKE on the main
/// table, applied to the rows the indexed terms found (or to every row when no term is long enough — the old scan,
/// kept for one- and two-letter queries).
/// </para>
/// </summary>
internal static class SubstringSearch
{
    /// <summary>Longest query accepted, in UTF-16 code units.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Most distinct words a query may hold; more is a 400 naming the parameter (never silently dropped).</summary>
    public const int MaxTerms = 10;

    /// <summary>Characters a term needs between wildcards for the SQLite trigram index to serve it.</summary>
    public const int TrigramLength = 3;

    /// <summary>
    /// The distinct folded terms of <paramref name="q"/>; none, with an error recorded against
    /// <paramref name="parameter"/>, when it is longer than <see cref="MaxQueryLength"/>, holds control characters or
    /// more than <see cref="MaxTerms"/> distinct words (a limit the caller must hear about: searching only the first
    /// ten would answer a different question than the one asked).
    /// </summary>
    public static IReadOnlyList<string> Terms(string? q, QueryErrors errors, string parameter = "q")
    {
        if (q is null)
        {
            return [];
        }

        if (q.Length > MaxQueryLength)
        {
            errors.Add(parameter, $"'{parameter}' must be at most {MaxQueryLength} characters.");
            return [];
        }

        if (!Accepts(q, parameter, errors))
        {
            return [];
        }

        var terms = VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count > MaxTerms)
        {
            errors.Add(parameter, $"'{parameter}' may hold at most {MaxTerms} different words; it holds {terms.Count}.");
            return [];
        }

        return terms;
    }

    /// <summary>
    /// The folded text of a one-phrase filter (the directive list's <c>field</c>), matched whole rather than word by
    /// word; null when absent or blank, or, with an error against <paramref name="parameter"/>, when longer than
    /// <see cref="MaxQueryLength"/> or holding control characters.
    /// </summary>
    public static string? Phrase(string? value, QueryErrors errors, string parameter)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > MaxQueryLength)
        {
            errors.Add(parameter, $"'{parameter}' must be at most {MaxQueryLength} characters.");
            return null;
        }

        return Accepts(value, parameter, errors) && VietnameseText.Fold(value) is { Length: > 0 } folded ? folded : null;
    }

    /// <summary>
    /// False, with an error against <paramref name="parameter"/>, for search text with control characters, which no
    /// stored text holds (a NUL would also end the index query early). Invalid code points are folded away instead.
    /// </summary>
    public static bool Accepts(string value, string parameter, QueryErrors errors)
    {
        if (!value.Any(char.IsControl))
        {
            return true;
        }

        errors.Add(parameter, $"'{parameter}' must not contain control characters.");
        return false;
    }

    /// <summary>The LIKE pattern that matches <paramref name="term"/> anywhere (use with <see cref="Like.EscapeCharacter"/>).</summary>
    public static string LikePattern(string term) => "%" + Like.Escape(term) + "%";

    /// <summary>
    /// The FTS5 query that finds rows holding every one of <paramref name="terms"/>: each term a quoted phrase (a
    /// double quote inside doubled), so nothing in it is query syntax. With the trigram tokenizer a phrase is the run
    /// of its consecutive trigrams, which occurs exactly where the term occurs as a substring.
    /// </summary>
    public static string MatchQuery(IEnumerable<string> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>True when <paramref name="term"/> has the <see cref="TrigramLength"/> characters (code points) a trigram needs.</summary>
    public static bool IsIndexable(string term)
    {
        var count = 0;
        foreach (var _ in term.EnumerateRunes())
        {
            if (++count >= TrigramLength)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Articles whose search text holds every one of <paramref name="terms"/>.</summary>
    public static IQueryable<Article> Containing(this IQueryable<Article> articles, PortalDbContext db, IReadOnlyList<string> terms) =>
        articles.Containing(db, SearchIndexSql.Articles, terms);

    /// <summary>Directives whose search text holds every one of <paramref name="terms"/>.</summary>
    public static IQueryable<Directive> Containing(this IQueryable<Directive> directives, PortalDbContext db, IReadOnlyList<string> terms) =>
        directives.Containing(db, SearchIndexSql.Directives, terms);

    private static IQueryable<T> Containing<T>(this IQueryable<T> items, PortalDbContext db, SearchIndexSql.SearchedTable table, IReadOnlyList<string> terms)
        where T : class, ISearchable
    {
        var (rowids, residual) = Plan(db, table, terms);
        if (rowids is not null)
        {
            items = items.Where(i => rowids.Contains(RowId(i.Id)));
        }

        foreach (var pattern in residual)
        {
            items = items.Where(i => EF.Functions.Like(i.SearchText, pattern, Like.EscapeCharacter));
        }

        return items;
    }

    /// <summary>
    /// SQLite only, in queries only: the rowid of the row whose primary key column is passed, which is the key the
    /// FTS5 index knows rows by. Comparing rowids lets SQLite answer from an index that covers the other filters
    /// without reading the (long) rows at all.
    /// </summary>
    public static long RowId(Guid id) => throw new InvalidOperationException($"{nameof(RowId)} is for SQLite queries only (id {id}).");

    /// <summary>Maps <see cref="RowId"/> to the rowid of the table its argument's column belongs to.</summary>
    public static void MapRowId(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var rowIdMapping = new LongTypeMapping("INTEGER");
        modelBuilder.HasDbFunction(typeof(SubstringSearch).GetMethod(nameof(RowId))!)
            .HasTranslation(args => args[0] is ColumnExpression key
                ? new ColumnExpression("rowid", key.TableAlias, typeof(long), rowIdMapping, nullable: false)
                : throw new InvalidOperationException($"{nameof(RowId)} takes a column of the table."));
    }

    /// <summary>
    /// On SQLite, the rowids the trigram index finds for the indexable terms (null when there are none) and LIKE
    /// patterns for the rest; on PostgreSQL, LIKE patterns for every term (the GIN index serves LIKE itself).
    /// </summary>
    private static (IQueryable<long>? RowIds, List<string> Residual) Plan(PortalDbContext db, SearchIndexSql.SearchedTable table, IReadOnlyList<string> terms)
    {
        if (!db.Database.IsSqlite())
        {
            return (null, terms.Select(LikePattern).ToList());
        }

        var indexed = terms.Where(IsIndexable).ToList();
        var residual = terms.Where(t => !IsIndexable(t)).Select(LikePattern).ToList();
        if (indexed.Count == 0)
        {
            return (null, residual);
        }

        var rowids = db.Database.SqlQuery<long>(FormattableStringFactory.Create(
            $$"""SELECT rowid AS "Value" FROM "{{table.Index}}" WHERE "{{table.Index}}" MATCH {0}""",
            MatchQuery(indexed)));
        return (rowids, residual);
    }
}
