using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
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
            .WithDescription("Published articles whose publish instant has passed, newest first by default. Filters: q (case- and tone-insensitive), category, tag, from/to (UTC publish instant), directive. Paging: page (1-based), pageSize (1-100).")
            .WithETag();

        group.MapGet("{idOrSlug}", Get)
            .WithName("GetArticle")
            .WithSummary("Get a published article by id or slug")
            .WithDescription("Accepts the article's id or its current slug. An old slug answers 301 with Location set to the current URL. Drafts, scheduled, archived and deleted articles are 404.")
            .Produces(StatusCodes.Status301MovedPermanently)
            .WithETag();
        return group;
    }

    /// <summary>GET /api/v1/articles — a page of published articles.</summary>
    public static async Task<Results<Ok<PagedList<ArticleListItem>>, ValidationProblem>> List(
        [AsParameters] ArticleListQuery query, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = db.Articles.AsNoTracking().VisibleAt(now).Filter(query, errors);
        if (query.Directive is { } directiveId)
        {
            articles = articles.Where(a => db.ArticleDirectiveLinks.Any(l => l.ArticleId == a.Id && l.DirectiveId == directiveId));
        }

        var ordered = ArticleQueries.Sorts.Apply(articles, query.Sort, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await ordered.ProjectToListItem().ToPageAsync(paging, ct));
    }

    /// <summary>GET /api/v1/articles/{idOrSlug} — one published article.</summary>
    public static async Task<Results<Ok<ArticleResponse>, RedirectHttpResult, ProblemHttpResult>> Get(
        string idOrSlug, PortalDbContext db, TimeProvider clock, HitCounter hits, HttpRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = db.Articles.AsNoTracking().VisibleAt(now).Include(a => a.Category).Include(a => a.Tags);
        var article = Guid.TryParse(idOrSlug, out var id)
            ? await visible.FirstOrDefaultAsync(a => a.Id == id, ct)
            : await visible.FirstOrDefaultAsync(a => a.Slug == idOrSlug, ct);
        if (article is null)
        {
            var moved = await db.SlugRedirects.AsNoTracking()
                .Where(r => r.OldSlug == idOrSlug)
                .Join(db.Articles.VisibleAt(now), r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
                .FirstOrDefaultAsync(ct);
            return moved is null
                ? Problems.NotFound($"No published article has the id or slug '{idOrSlug}'.")
                : TypedResults.RedirectPermanent($"{request.PathBase}/api/v1/articles/{Uri.EscapeDataString(moved)}");
        }

        var directives = await db.ArticleDirectives(article.Id, now).ToListAsync(ct);
        return TypedResults.Ok(ArticleMapper.ToResponse(article, directives, hits.PendingViews(article.Id), now));
    }
}
