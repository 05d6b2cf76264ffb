using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Features.ApiKeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Articles;

namespace Portal.Api.Features.Articles;

/// <summary>Anonymous reads of published articles.</summary>
internal static class ArticleReadEndpoints
{
    public static RouteGroupBuilder MapArticleReads(this RouteGroupBuilder group)
    {
        group.MapGet("", List)
            .WithName("ListArticles")
            .WithSummary("List published articles")
            .WithDescription("Anonymous callers get published articles whose publish instant has passed; editors get every article that is not deleted and may filter by status. Newest first by default; with q and no sort, title matches rank first. Filters: q (case- and tone-insensitive, đ included), category (slug or id), tag, from/to (UTC publish instant), directive (id). Paging: page (1-based), pageSize (1-100).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithETag().CachedForReaders();

        group.MapGet("{id}", Get)
            .WithName("GetArticle")
            .WithSummary("Get a published article by id or slug")
            .WithDescription("Accepts the article's id or its current slug. An old slug answers 301 with Location set to the current URL. Anonymous callers get 404 for drafts, scheduled, archived and deleted articles; editors see every article that is not deleted.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();
        return group;
    }

    /// <summary>GET /api/v1/articles — a page of published articles.</summary>
    public static async Task<Results<Ok<PagedList<ArticleListItem>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] ArticleListQuery query, PortalDbContext db, TimeProvider clock, HitCounter hits, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var editor = user.IsEditor();
        if (query.Status is not null && !editor)
        {
            return PublishableQueries.StatusNeedsEditor();
        }

        var scope = editor ? db.Articles.AsNoTracking().ForEditor(query.Status, now, errors) : db.Articles.AsNoTracking().VisibleAt(now);
        var articles = scope.Filter(db, query, errors);
        if (query.Directive is { } directiveId)
        {
            articles = articles.LinkedTo(db, directiveId);
        }

        var ordered = query.Sort is null && !string.IsNullOrWhiteSpace(query.Q)
            ? articles.RankedBy(query.Q)
            : ArticleQueries.Sorts.Apply(articles, query.Sort, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await ordered.ToListPageAsync(paging, hits, now, ct));
    }

    /// <summary>GET /api/v1/articles/{id} (an id or a slug) — one published article.</summary>
    public static async Task<Results<Ok<ArticleResponse>, RedirectHttpResult, ProblemHttpResult>> Get(
        [FromRoute(Name = "id")] string idOrSlug, PortalDbContext db, TimeProvider clock, HitCounter hits, HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var editor = user.IsEditor();
        var article = Guid.TryParse(idOrSlug, out var id)
            ? await ArticleRepresentation.ByIdAsync(db, id, editor, hits, now, ct)
            : await ArticleRepresentation.BySlugAsync(db, idOrSlug, editor, hits, now, ct);
        if (article is null)
        {
            var moved = await db.SlugRedirects.AsNoTracking()
                .Where(r => r.OldSlug == idOrSlug)
                .Join(db.Articles.ReadableBy(editor, now), r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
                .FirstOrDefaultAsync(ct);
            return moved is null
                ? Problems.NotFound($"No published article has the id or slug '{idOrSlug}'.")
                : TypedResults.Redirect($"{request.PathBase}/api/v1/articles/{Uri.EscapeDataString(moved)}", permanent: true);
        }

        return TypedResults.Ok(article);
    }
}
