using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>Anonymous reads of published directives.</summary>
internal static class DirectiveReadEndpoints
{
    public static RouteGroupBuilder MapDirectiveReads(this RouteGroupBuilder group)
    {
        group.MapGet("", List)
            .WithName("ListDirectives")
            .WithSummary("List published directives")
            .WithDescription("Published directives, newest issue date first by default. Filters: q, type (e.g. KH), issuer (code or id), year (of the issue date), validity, field.")
            .WithETag();

        group.MapGet("{id:guid}", GetById)
            .WithName("GetDirective")
            .WithSummary("Get a published directive by id")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag();

        // A catch-all segment, because ASP.NET Core leaves %2F undecoded in ordinary route values: both
        // /by-number/211/KH-HU and /by-number/211%2FKH-HU reach this handler, which decodes the value once.
        group.MapGet("by-number/{**number}", GetByNumber)
            .WithName("GetDirectiveByNumber")
            .WithSummary("Get a published directive by its number (số ký hiệu)")
            .WithDescription("The number may be written in any common form: 211/KH-HU, 211%2FKH-HU, 211-KH/HU or '211 kh hu' all find the same plan. The slash may be sent raw or percent-encoded. When several documents share a number (different years or issuers) the most recently issued is returned. A number with characters no number can hold (such as '<' or a line break) is 400.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag();

        group.MapGet("{id:guid}/related", Related)
            .WithName("ListRelatedDirectives")
            .WithSummary("List the directives related to a directive, in both directions")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag();
        return group;
    }

    public static async Task<Results<Ok<PagedList<DirectiveListItem>>, ValidationProblem>> List(
        [AsParameters] DirectiveListQuery query, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        var visible = db.Directives.AsNoTracking().VisibleAt(now.UtcDateTime).Filter(query, errors, today, db.DirectiveRelations);
        var ordered = DirectiveQueries.Sorts.Apply(visible, query.Sort, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var page = await ordered.Select(d => new
        {
            d.Id, d.Number, d.NumberCanonical, d.TypeCode, d.TypeName, d.IssuerId, d.IssuerName,
            IssuerCode = d.Issuer == null ? null : d.Issuer.Code,
            d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.Abstract, d.Field, d.PublishedAt,
            Replaced = db.DirectiveRelations.Any(r => r.ToId == d.Id && r.Kind == RelationKind.Replaces),
        }).ToPageAsync(paging, ct);
        var items = page.Items.Select(d => new DirectiveListItem(
            d.Id, d.Number, d.NumberCanonical, new DocumentTypeRef(d.TypeCode, d.TypeName), new IssuerRef(d.IssuerId, d.IssuerName, d.IssuerCode),
            d.IssuedOn, d.EffectiveOn, d.ExpiresOn, DirectiveQueries.ValidityOf(d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.Replaced, today),
            d.Abstract, d.Field, d.PublishedAt)).ToList();
        return TypedResults.Ok(new PagedList<DirectiveListItem>(items, page.Page, page.PageSize, page.TotalItems, page.TotalPages));
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult>> GetById(
        Guid id, PortalDbContext db, TimeProvider clock, HitCounter hits, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var directive = await db.Directives.AsNoTracking().VisibleAt(now.UtcDateTime).Include(d => d.Issuer).FirstOrDefaultAsync(d => d.Id == id, ct);
        return directive is null
            ? Problems.NotFound($"No published directive has the id '{id}'.")
            : TypedResults.Ok(await DirectiveReader.ToResponseAsync(db, directive, hits, now, ct));
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult, ValidationProblem>> GetByNumber(
        string number, PortalDbContext db, TimeProvider clock, HitCounter hits, CancellationToken ct)
    {
        var parsed = DocumentNumber.Parse(Uri.UnescapeDataString(number));
        if (parsed.Error is { } error)
        {
            return Problems.Invalid("number", error);
        }

        var now = clock.GetUtcNow();
        var key = parsed.Number!.SearchKey;
        var directive = await db.Directives.AsNoTracking().VisibleAt(now.UtcDateTime).Include(d => d.Issuer)
            .Where(d => d.NumberKey == key)
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .FirstOrDefaultAsync(ct);
        return directive is null
            ? Problems.NotFound($"No published directive has the number '{parsed.Number.Canonical}'.")
            : TypedResults.Ok(await DirectiveReader.ToResponseAsync(db, directive, hits, now, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<RelationResponse>>, ProblemHttpResult>> Related(
        Guid id, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Directives.VisibleAt(now).AnyAsync(d => d.Id == id, ct))
        {
            return Problems.NotFound($"No published directive has the id '{id}'.");
        }

        return TypedResults.Ok(await DirectiveReader.RelationsAsync(db, id, now, ct));
    }
}
