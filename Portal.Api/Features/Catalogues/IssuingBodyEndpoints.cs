using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Catalogues;

/// <summary>
/// /api/v1/issuing-bodies — the catalogue of cơ quan ban hành. Anyone reads it; editors maintain it, because
/// entering directives needs their issuers (API.md "Access": the editor role covers directives). Bodies are never
/// deleted: they end (validTo) and may name a successor, as districts did in the 2025 reform, while their
/// documents keep the name they were issued under.
/// </summary>
internal static class IssuingBodyEndpoints
{
    private static readonly SortFields<IssuingBody> Sorts = new SortFields<IssuingBody>(b => b.Id, "name")
        .Add("name", b => b.Name)
        .Add("code", b => b.Code)
        .Add("validFrom", b => b.ValidFrom);

    public static IEndpointRouteBuilder MapIssuingBodies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/issuing-bodies").WithTags("Catalogues");
        group.MapGet("", List)
            .WithName("ListIssuingBodies")
            .WithSummary("List issuing bodies (cơ quan ban hành)")
            .WithDescription("Filters: code (as in numbers, e.g. HU), level, activeOn (bodies that existed on that date). Sorted by name by default.")
            .WithETag().CachedForReaders();
        group.MapGet("{id:guid}", Get)
            .WithName("GetIssuingBody")
            .WithSummary("Get an issuing body")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();

        var writes = group.MapEditorWrites();
        writes.MapPost("", Create)
            .WithName("CreateIssuingBody")
            .WithSummary("Add an issuing body to the catalogue (editor)")
            .WithDescription("validTo must not be before validFrom; successorId must name another body in the catalogue (400 naming successorId).")
            .Validates<IssuingBodyCommand>()
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        writes.MapPut("{id:guid}", Update)
            .WithName("UpdateIssuingBody")
            .WithSummary("Replace an issuing body's fields (editor)")
            .WithDescription("Full replacement. Send If-Match with the ETag you read: a stale one is 412. A body cannot succeed itself (400), and successions cannot go round in a circle (422). Renaming a body does not change the issuer name printed on its directives.")
            .Validates<IssuingBodyCommand>()
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<PagedList<IssuingBodyResponse>>, ValidationProblem>> List(
        [AsParameters] IssuingBodyListQuery query, PortalDbContext db, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var bodies = db.IssuingBodies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Code))
        {
            // Codes are stored in their canonical casing (HU, ThU), so any spelling compares equal on every engine.
            var code = DocumentIssuers.Canonicalize(query.Code.Trim());
            bodies = bodies.Where(b => b.Code == code);
        }

        if (query.Level is not null)
        {
            if (IssuingBodyLevels.All.Contains(query.Level, StringComparer.Ordinal))
            {
                bodies = bodies.Where(b => b.Level == query.Level);
            }
            else
            {
                errors.Add("level", $"'level' must be one of {string.Join(", ", IssuingBodyLevels.All)}.");
            }
        }

        if (query.ActiveOn?.Value is { } day)
        {
            bodies = bodies.Where(b => (b.ValidFrom == null || b.ValidFrom <= day) && (b.ValidTo == null || b.ValidTo >= day));
        }

        var ordered = Sorts.Apply(bodies, query.Sort, errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await ordered.ProjectToResponse().ToPageAsync(paging, ct));
    }

    public static async Task<Results<Ok<IssuingBodyResponse>, ProblemHttpResult>> Get(Guid id, PortalDbContext db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } body ? TypedResults.Ok(body) : Problems.NotFound(NotFound(id));

    public static async Task<Results<Created<IssuingBodyResponse>, ProblemHttpResult>> Create(
        IssuingBodyCommand command, PortalDbContext db, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var body = new IssuingBody { Id = Guid.CreateVersion7() };
        if (await ApplyAsync(db, body, command, ct) is { } rejected)
        {
            return rejected;
        }

        db.IssuingBodies.Add(body);
        await db.SaveChangesAsync(ct);
        var response = (await FindAsync(db, body.Id, ct))!;
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Created($"/api/v1/issuing-bodies/{body.Id}", response);
    }

    public static async Task<Results<Ok<IssuingBodyResponse>, ProblemHttpResult>> Update(
        Guid id, IssuingBodyCommand command, PortalDbContext db, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var body = await db.IssuingBodies.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return Problems.NotFound(NotFound(id));
        }

        if (await Preconditions.CheckAsync(http.Request, async () => await FindAsync(db, id, ct)) is { } stale)
        {
            return stale;
        }

        if (await ApplyAsync(db, body, command, ct) is { } rejected)
        {
            return rejected;
        }

        body.Version++;
        if (await db.TrySaveAsync(ct) != SaveOutcome.Saved)
        {
            return Preconditions.LostRace(http.Request);
        }

        await tx.CommitAsync(ct);
        var response = (await FindAsync(db, id, ct))!;
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }

    /// <summary>Copies the command onto <paramref name="body"/> once its successor is known to be valid.</summary>
    private static async Task<ProblemHttpResult?> ApplyAsync(PortalDbContext db, IssuingBody body, IssuingBodyCommand command, CancellationToken ct)
    {
        if (command.SuccessorId is { } successorId)
        {
            if (successorId == body.Id)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "successorId", "An issuing body cannot be its own successor.");
            }

            if (!await db.IssuingBodies.AnyAsync(b => b.Id == successorId, ct))
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "successorId", $"No issuing body has the id '{successorId}'.");
            }

            if (await SucceedsAsync(db, successorId, body.Id, ct))
            {
                return Problems.Field(StatusCodes.Status422UnprocessableEntity, "successorId",
                    $"'{successorId}' already passes (directly or through others) to this body: successions cannot go round in a circle.");
            }
        }

        body.Name = command.Name!;
        body.Code = DocumentIssuers.Canonicalize(command.Code!);
        body.Level = command.Level!;
        body.ValidFrom = command.ValidFrom;
        body.ValidTo = command.ValidTo;
        body.SuccessorId = command.SuccessorId;
        return null;
    }

    /// <summary>True when following successors from <paramref name="from"/> reaches <paramref name="to"/>.</summary>
    private static async Task<bool> SucceedsAsync(PortalDbContext db, Guid from, Guid to, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = from; current is { } c && seen.Add(c);)
        {
            if (c == to)
            {
                return true;
            }

            current = await db.IssuingBodies.Where(b => b.Id == c).Select(b => b.SuccessorId).FirstOrDefaultAsync(ct);
        }

        return false;
    }

    private static Task<IssuingBodyResponse?> FindAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        db.IssuingBodies.AsNoTracking().Where(b => b.Id == id).ProjectToResponse().FirstOrDefaultAsync(ct);

    private static string NotFound(Guid id) => $"No issuing body has the id '{id}'.";
}
