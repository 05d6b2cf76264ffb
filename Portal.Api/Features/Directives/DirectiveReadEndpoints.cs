using Portal.Api.Infrastructure.OpenApiFilters;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>
/// Reads of directives: anonymous callers see published directives whose instant has passed (drafts, scheduled,
/// archived and deleted ones are 404 on every route); editors see every directive that is not deleted.
/// </summary>
internal static class DirectiveReadEndpoints
{
    public static RouteGroupBuilder MapDirectiveReads(this RouteGroupBuilder group)
    {
        group.MapGet("", List)
            .WithName("ListDirectives")
            .WithSummary("List published directives")
            .WithDescription("Published directives, newest issue date first by default. Filters: q, type (e.g. KH), issuer (code or id), year (of the issue date), validity, field. Editors get every directive that is not deleted and may filter by status.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithETag().CachedForReaders();

        group.MapGet("{id:guid}", GetById)
            .WithName("GetDirective")
            .WithSummary("Get a published directive by id")
            .WithDescription("Anonymous callers get 404 for drafts, scheduled, archived and deleted directives; editors see every directive that is not deleted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();

        // A catch-all segment, because ASP.NET Core leaves %2F undecoded in ordinary route values: both
        // /by-number/211/KH-HU and /by-number/211%2FKH-HU reach this handler, which decodes the value once.
        group.MapGet("by-number/{**number}", GetByNumber)
            .WithName("GetDirectiveByNumber")
            .WithSummary("Get a published directive by its number (số ký hiệu)")
            .WithDescription("The number may be written in any common form: 211/KH-HU, 211%2FKH-HU, 211-KH/HU or '211 kh hu' all find the same plan. The slash may be sent raw or percent-encoded. When several documents share a number (different years or issuers) the most recently issued is returned. A number with characters no number can hold (such as '<' or a line break) is 400.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();

        group.MapGet("{id:guid}/related", Related)
            .WithName("ListRelatedDirectives")
            .WithSummary("List the directives related to a directive, in both directions")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();

        group.MapGet("{id:guid}/articles", Articles)
            .WithName("ListDirectiveArticles")
            .WithSummary("List the articles that mention or relate to a directive")
            .WithDescription("Articles whose text cites the directive's number (e.g. \"Chỉ thị số 28-CT/TW\") or whose editor related them to it, newest first by default; paged like other lists. Anonymous callers see published articles only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();
        return group;
    }

    public static async Task<Results<Ok<PagedList<DirectiveListItem>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] DirectiveListQuery query, PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var editor = user.IsEditor();
        if (query.Status is not null && !editor)
        {
            return PublishableQueries.StatusNeedsEditor();
        }

        var errors = new QueryErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        var replaced = db.ReplacedIds(now.UtcDateTime);
        var scope = editor ? db.Directives.AsNoTracking().ForEditor(query.Status, now.UtcDateTime, errors) : db.Directives.AsNoTracking().VisibleAt(now.UtcDateTime);
        var ordered = DirectiveQueries.Sorts.Apply(scope.Filter(db, query, errors, today, replaced), query.Sort, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var page = await ordered.Select(d => new
        {
            d.Id,
            d.Number,
            d.NumberCanonical,
            d.TypeCode,
            d.TypeName,
            d.IssuerId,
            d.IssuerName,
            IssuerCode = d.Issuer == null ? null : d.Issuer.Code,
            d.IssuedOn,
            d.EffectiveOn,
            d.ExpiresOn,
            d.Abstract,
            d.Field,
            d.Status,
            d.PublishedAt,
            Replaced = replaced.Contains(d.Id),
        }).ToPageAsync(paging, ct);
        var items = page.Items.Select(d => new DirectiveListItem(
            d.Id, d.Number, d.NumberCanonical, new DocumentTypeRef(d.TypeCode, d.TypeName), new IssuerRef(d.IssuerId, d.IssuerName, d.IssuerCode),
            d.IssuedOn, d.EffectiveOn, d.ExpiresOn, DirectiveQueries.ValidityOf(d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.Replaced, today),
            d.Abstract, d.Field, Publication.StateAt(d.Status, d.PublishedAt, now.UtcDateTime), d.PublishedAt)).ToList();
        return TypedResults.Ok(new PagedList<DirectiveListItem>(items, page.Page, page.PageSize, page.TotalItems, page.TotalPages));
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult>> GetById(
        Guid id, PortalDbContext db, TimeProvider clock, HitCounter hits, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var editor = user.IsEditor();
        var directive = await DirectiveReader.Load(db.Directives.ReadableBy(editor, now.UtcDateTime)).FirstOrDefaultAsync(d => d.Id == id, ct);
        return directive is null
            ? Problems.NotFound(NotFound(id))
            : TypedResults.Ok(await DirectiveReader.ToResponseAsync(db, directive, editor, hits, now, ct));
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult, ValidationProblem>> GetByNumber(
        string number, PortalDbContext db, TimeProvider clock, HitCounter hits, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var parsed = DocumentNumber.Parse(RawCatchAll.Decode(http, "/by-number/", number));
        if (parsed.Error is { } error)
        {
            return Problems.Invalid("number", error);
        }

        var now = clock.GetUtcNow();
        var editor = user.IsEditor();
        var key = parsed.Number!.SearchKey;
        var directive = await DirectiveReader.Load(db.Directives.ReadableBy(editor, now.UtcDateTime))
            .Where(d => d.NumberKey == key)
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .FirstOrDefaultAsync(ct);
        return directive is null
            ? Problems.NotFound($"No published directive has the number '{parsed.Number.Canonical}'.")
            : TypedResults.Ok(await DirectiveReader.ToResponseAsync(db, directive, editor, hits, now, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<RelationResponse>>, ProblemHttpResult>> Related(
        Guid id, PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var editor = user.IsEditor();
        if (!await db.Directives.ReadableBy(editor, now).AnyAsync(d => d.Id == id, ct))
        {
            return Problems.NotFound(NotFound(id));
        }

        return TypedResults.Ok(await DirectiveReader.RelationsAsync(db, id, editor, now, ct));
    }

    public static async Task<Results<Ok<PagedList<ArticleListItem>>, ValidationProblem, ProblemHttpResult>> Articles(
        Guid id, [AsParameters] DirectiveArticlesQuery query, PortalDbContext db, TimeProvider clock, HitCounter hits, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var editor = user.IsEditor();
        var ordered = ArticleQueries.Sorts.Apply(db.Articles.AsNoTracking().ReadableBy(editor, now).LinkedTo(db, id), query.Sort, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Directives.ReadableBy(editor, now).AnyAsync(d => d.Id == id, ct))
        {
            return Problems.NotFound(NotFound(id));
        }

        return TypedResults.Ok(await ordered.ToListPageAsync(paging, hits, now, ct));
    }

    private static string NotFound(Guid id) => $"No published directive has the id '{id}'.";
}

/// <summary>Paging and order of a directive's articles.</summary>
/// <param name="Sort">Sort fields as for the article list, e.g. <c>-publishedAt</c> (default).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page, 1-100.</param>
public sealed record DirectiveArticlesQuery(
    [FromQuery(Name = "sort")][SortQuery(typeof(ArticleQueries))] string? Sort,
    [FromQuery(Name = "page")][Range(1, int.MaxValue)] int? Page,
    [FromQuery(Name = "pageSize")][Range(1, PageRequest.MaxPageSize)] int? PageSize);
