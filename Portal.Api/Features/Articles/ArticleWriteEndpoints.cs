using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Editorial;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Common;

namespace Portal.Api.Features.Articles;

/// <summary>Editing articles (role editor or admin). Writes honour If-Match and return the new representation and ETag.</summary>
internal static class ArticleWriteEndpoints
{
    public static RouteGroupBuilder MapArticleWrites(this RouteGroupBuilder group)
    {
        var writes = group.MapEditorWrites();

        writes.MapPost("", Create)
            .WithName("CreateArticle")
            .WithSummary("Create an article (editor); it starts as a draft")
            .WithDescription("The slug is generated from the title (đ→d, tone marks dropped) unless given; a taken generated slug gets -2, -3…, a taken requested slug is 409. The body is sanitised. id, status, viewCount, createdAt, updatedAt and slug history cannot be set.")
            .Validates<ArticleCommand>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapPut("{id:guid}", Update)
            .WithName("UpdateArticle")
            .WithSummary("Replace an article's editable fields (editor)")
            .WithDescription("Full replacement of the fields in the body (PUT; Portal has no PATCH). Send If-Match with the ETag you read: a stale one is 412 and nothing changes. Changing the slug keeps the old one answering 301.")
            .Validates<ArticleCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapDelete("{id:guid}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Delete an article (editor)")
            .WithDescription("Soft delete: the article disappears from every read, and a tombstone remains for delta sync. Honours If-Match.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        writes.MapLifecycleActions<ArticleResponse>("Article", "an article", Transition);
        return group;
    }

    public static async Task<Results<Created<ArticleResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ArticleCommand command, ArticleWriter writer, PortalDbContext db, TimeProvider clock, HitCounter hits, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article { Id = Guid.CreateVersion7(), Status = ContentStatus.Draft, CreatedAt = now, UpdatedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await writer.ApplyAsync(article, command, ct) is { } errors)
        {
            return errors.ToProblem();
        }

        if (!await writer.InsertAsync(article, command.Slug, ct))
        {
            return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        await ArticleMentions.RefreshAsync(db, article, command.DirectiveIds ?? [], ct);
        await tx.CommitAsync(ct);
        var response = await ArticleRepresentation.ForEditorAsync(db, article.Id, hits, now, ct);
        Preconditions.SetETag(http, response!, json.Value.SerializerOptions);
        return TypedResults.Created($"/api/v1/articles/{article.Id}", response);
    }

    public static async Task<Results<Ok<ArticleResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ArticleCommand command, ArticleWriter writer, PortalDbContext db, TimeProvider clock, HitCounter hits, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await db.Articles.Include(a => a.Tags).Where(a => a.Id == id).ForWriteAsync(http.Request, NotFound(id), ct);
        if (target.Refused)
        {
            return target.Refusal;
        }

        var article = target.Item;

        if (await writer.ApplyAsync(article, command, ct) is { } errors)
        {
            return errors.ToProblem();
        }

        if (!await writer.ChangeSlugAsync(article, command.Slug, now, ct))
        {
            return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        Lifecycle.Touch(article, now);
        switch (await db.TrySaveAsync(ct))
        {
            case SaveOutcome.Stale:
                return Preconditions.LostRace(http.Request);
            case SaveOutcome.Duplicate:
                return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        await ArticleMentions.RefreshAsync(db, article, command.DirectiveIds ?? [], ct);
        await tx.CommitAsync(ct);
        return await Respond(db, id, hits, now, http, json, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PortalDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var target = await db.Articles.Where(a => a.Id == id).ForWriteAsync(http.Request, NotFound(id), ct);
        return (target.Refused ? target.Refusal : await LifecycleWrites.ApplyAsync(db, http.Request, target.Item, LifecycleAction.Delete, null, clock.GetUtcNow().UtcDateTime, ct)) is { } problem
            ? problem
            : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Transition(Guid id, LifecycleAction action, PublishCommand? body, EditorialContext c)
    {
        var now = c.Clock.GetUtcNow().UtcDateTime;
        var target = await c.Db.Articles.Where(a => a.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct);
        return (target.Refused ? target.Refusal : await LifecycleWrites.ApplyAsync(c.Db, c.Http.Request, target.Item, action, body?.PublishAt, now, c.Ct)) is { } problem
            ? problem
            : await Respond(c.Db, id, c.Hits, now, c.Http, c.Json, c.Ct);
    }

    private static string NotFound(Guid id) => $"No article has the id '{id}'.";

    private static async Task<Ok<ArticleResponse>> Respond(
        PortalDbContext db, Guid id, HitCounter hits, DateTime now, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var response = (await ArticleRepresentation.ForEditorAsync(db, id, hits, now, ct))!;
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }
}
