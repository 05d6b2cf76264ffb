using Portal.Api.Infrastructure.OpenApiFilters;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Api.Features.Articles;

/// <summary>Filters for the article list (API.md "Lists"). All instants are UTC.</summary>
/// <param name="Q">Words (at most 10 different ones, 200 characters) that must each occur in the article; case- and tone-insensitive (đ included); '%' and '_' are literal.</param>
/// <param name="Category">Category slug (a former slug too) or id.</param>
/// <param name="Tag">Tag (any spelling that folds to the same key).</param>
/// <param name="From">Earliest publish instant (inclusive), RFC 3339 with offset or Z (e.g. 2024-06-01T00:00:00+07:00).</param>
/// <param name="To">Latest publish instant (exclusive), RFC 3339 with offset or Z.</param>
/// <param name="Directive">A directive id the articles relate to.</param>
/// <param name="Status">Editors only: draft, scheduled, published or archived.</param>
/// <param name="Sort">Sort fields, e.g. <c>-publishedAt,title</c>; default <c>-publishedAt</c>.</param>
/// <param name="Page">1-based page number, default 1.</param>
/// <param name="PageSize">Items per page, 1-100, default 20.</param>
public sealed record ArticleListQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "tag")] string? Tag,
    [FromQuery(Name = "from")] QueryInstant? From,
    [FromQuery(Name = "to")] QueryInstant? To,
    [FromQuery(Name = "directive")] Guid? Directive,
    [FromQuery(Name = "status")][EnumQuery(typeof(PublicationState))] string? Status,
    [FromQuery(Name = "sort")][SortQuery(typeof(ArticleQueries))] string? Sort,
    [FromQuery(Name = "page")][Range(1, int.MaxValue)] int? Page,
    [FromQuery(Name = "pageSize")][Range(1, PageRequest.MaxPageSize)] int? PageSize);

internal static class ArticleQueries
{
    public static readonly SortFields<Article> Sorts = new SortFields<Article>(a => a.Id, "-publishedAt")
        .Add("publishedAt", a => a.PublishedAt)
        .Add("title", a => a.Title)
        .Add("createdAt", a => a.CreatedAt)
        .Add("updatedAt", a => a.UpdatedAt)
        .Add("viewCount", a => a.ViewCount);

    /// <summary>Articles linked to directive <paramref name="directiveId"/>: related by their editor or citing its number.</summary>
    public static IQueryable<Article> LinkedTo(this IQueryable<Article> articles, PortalDbContext db, Guid directiveId) =>
        articles.Where(a => db.ArticleDirectiveLinks.Any(l => l.ArticleId == a.Id && l.DirectiveId == directiveId));

    /// <summary>One page of list items from an ordered query, completed with the state and views SQL cannot know.</summary>
    public static async Task<PagedList<ArticleListItem>> ToListPageAsync(this IQueryable<Article> ordered, PageRequest paging, HitCounter hits, DateTime nowUtc, CancellationToken ct)
    {
        var page = await ordered.ProjectToListItem().ToPageAsync(paging, ct);
        return page with { Items = page.Items.Select(i => ArticleMapper.Complete(i, nowUtc, hits)).ToList() };
    }

    /// <summary>Applies the list filters; records malformed values in <paramref name="errors"/>.</summary>
    public static IQueryable<Article> Filter(this IQueryable<Article> articles, PortalDbContext db, ArticleListQuery query, QueryErrors errors)
    {
        if (query.From?.Value is { } from && query.To?.Value is { } to && to <= from)
        {
            errors.Add("to", "'to' must be after 'from'.");
        }

        if (query.From?.Value is { } f)
        {
            var fromUtc = f.UtcDateTime;
            articles = articles.Where(a => a.PublishedAt >= fromUtc);
        }

        if (query.To?.Value is { } t)
        {
            var toUtc = t.UtcDateTime;
            articles = articles.Where(a => a.PublishedAt < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = query.Category.Trim();
            articles = Guid.TryParse(category, out var categoryId)
                ? articles.Where(a => a.CategoryId == categoryId)
                // A former slug still names its category (CategorySlugRedirect): old frontend URLs keep their articles.
                : articles.Where(a => a.Category != null
                    && (a.Category.Slug == category || db.CategorySlugRedirects.Any(r => r.OldSlug == category && r.CategoryId == a.CategoryId)));
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var key = VietnameseText.Slugify(query.Tag);
            articles = articles.Where(a => a.Tags.Any(t => t.Key == key));
        }

        return articles.Search(db, query.Q, errors);
    }

    /// <summary>
    /// Matches every folded term of <paramref name="q"/> as a substring of the pre-folded search text, through the
    /// trigram index (<see cref="SubstringSearch"/>). '%' and '_' in the query are literal characters.
    /// </summary>
    public static IQueryable<Article> Search(this IQueryable<Article> articles, PortalDbContext db, string? q, QueryErrors errors) =>
        articles.Containing(db, SubstringSearch.Terms(q, errors));

    /// <summary>
    /// Relevance for a search without an explicit sort: articles whose title holds more of the terms come first,
    /// then the newest. Ties break on the id, so the order stays total.
    /// </summary>
    public static IQueryable<Article> RankedBy(this IQueryable<Article> articles, string? q)
    {
        var patterns = SubstringSearch.Terms(q, new QueryErrors()).Select(SubstringSearch.LikePattern).ToList();
        if (patterns.Count == 0)
        {
            return articles;
        }

        var article = Expression.Parameter(typeof(Article), "a");
        Expression sum = Expression.Constant(0);
        foreach (var pattern in patterns)
        {
            // Captured, so EF sends each pattern as a parameter rather than inlining it.
            Expression<Func<Article, int>> hit = a => EF.Functions.Like(a.SearchTitle, pattern, Like.EscapeCharacter) ? 1 : 0;
            sum = Expression.Add(sum, new ReplaceParameter(hit.Parameters[0], article).Visit(hit.Body));
        }

        var score = Expression.Lambda<Func<Article, int>>(sum, article);
        return articles.OrderByDescending(score).ThenByDescending(a => a.PublishedAt).ThenBy(a => a.Id);
    }
}

internal sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}

internal static class ArticleDirectiveQueries
{
    /// <summary>Visible directives linked to an article (related by the editor or mentioned in its text), by issue date.</summary>
    public static IQueryable<DirectiveRef> ArticleDirectives(this PortalDbContext db, Guid articleId, DateTime nowUtc, bool includeUnpublished = false) =>
        from l in db.ArticleDirectiveLinks
        where l.ArticleId == articleId
        join d in db.Directives on l.DirectiveId equals d.Id
        where d.DeletedAt == null && (includeUnpublished || (d.Status == ContentStatus.Published && d.PublishedAt <= nowUtc))
        orderby d.IssuedOn descending, d.Id
        select new DirectiveRef(d.Id, d.Number, d.TypeName, d.Abstract);
}
